/**
 * A rate in percent with two decimals, rounded half-up (四舍五入) as official documents round:
 * 29 of 32 is 90.625 %, shown "90.63". The same rule as the server's `rules.rate_percent`, on
 * integers so that no binary rounding creeps in (tests/fixtures/rates.json holds the figures both
 * sides are checked against). null without a whole.
 */
export function ratePercent(part: number, whole: number): string | null {
  if (!Number.isInteger(part) || !Number.isInteger(whole) || part < 0) return null
  if (whole <= 0) return null
  const hundredths = Math.floor((2 * 10_000 * part + whole) / (2 * whole))
  const units = Math.floor(hundredths / 100)
  return `${units}.${String(hundredths % 100).padStart(2, '0')}`
}
