/** A day in the reader's own calendar as the API writes days (YYYY-MM-DD). */
export function isoDay(day: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`
}

/** The day `days` after today (today itself by default), as the API writes days. */
export function isoDaysAhead(days = 0): string {
  return isoDay(new Date(Date.now() + days * 86_400_000))
}

/**
 * For an end date picker's `disabled-date`: the days before the start cannot be picked. `start` is
 * the API's day (YYYY-MM-DD) or a local date-time (YYYY-MM-DDTHH:mm), of which the day counts;
 * while no start is chosen every day can be picked. Days compare in the reader's own calendar.
 */
export function daysBefore(start: string | null | undefined): (day: Date) => boolean {
  const first = start ? start.slice(0, 10) : ''
  return (day) => first !== '' && isoDay(day) < first
}
