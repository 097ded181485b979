import type { Cycle } from '@/api/voting'
import type { VoteLink } from '@/components/VoteLinks.vue'

/** A link on a cycle's card: to the route `name` for the cycle, its test id `<testid>-<year>`. */
export function cycleLink(
  cycle: Pick<Cycle, 'id' | 'year'>,
  testid: string,
  name: string,
  label: string,
  more: Pick<VoteLink, 'primary' | 'show'> = {},
): VoteLink {
  return { key: testid, label, to: { name, params: { id: cycle.id } }, testid: `${testid}-${cycle.year}`, ...more }
}
