/**
 * For an end date picker's `disabled-date`: the days before the start cannot be picked. `start` is
 * the API's day (YYYY-MM-DD) or a local date-time (YYYY-MM-DDTHH:mm), of which the day counts;
 * while no start is chosen every day can be picked. Days compare in the reader's own calendar.
 */
export function daysBefore(start: string | null | undefined): (day: Date) => boolean {
  const first = start ? start.slice(0, 10) : ''
  const pad = (n: number) => String(n).padStart(2, '0')
  return (day) => first !== '' && `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}` < first
}
