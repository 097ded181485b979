import { useEnumLabel } from './useLabels'

/** A labeller of one enum's values: its catalog label, '—' for none, else the raw value. */
export type EnumLabeller = (value: string | null | undefined) => string

/**
 * One labeller for each of the named enums under the catalog's `prefix`: `groups` ['phase']
 * gives `phase(value)`, reading `<prefix>.phase.<value>` (as `useEnumLabel` reads it).
 */
export function useEnumLabels<G extends string>(prefix: string, groups: readonly G[]): Record<G, EnumLabeller> {
  const label = useEnumLabel(prefix)
  const labeller =
    (group: G): EnumLabeller =>
    (value) =>
      label(group, value)
  return Object.fromEntries(groups.map((group) => [group, labeller(group)])) as Record<G, EnumLabeller>
}
