import type { RuleSet, Threshold } from '@/api/voting'

/** Editing a rule set in a form (the cycle's rules, a rule template): the changes that keep it
 * whole. tenants/voting/rules.RuleSet checks the result on the server. */

export const MAJORITY_OF_ALL: Threshold = {
  numerator: 1,
  denominator: 2,
  comparison: 'more_than',
  base: 'entitled',
}

export const DEFAULT_RULES: RuleSet = {
  seats: 10,
  list_kind: 'competitive',
  min_surplus: 1,
  ballot_form: 'per_candidate',
  thresholds: [MAJORITY_OF_ALL],
  rank_only: false,
  quorum: { numerator: 2, denominator: 3, comparison: 'at_least' },
  shortfall: 'accept_fewer',
}

/** A copy deep enough to edit without touching `rules`. */
export function ruleSetCopy(rules: RuleSet): RuleSet {
  return {
    ...rules,
    thresholds: rules.thresholds.map((threshold) => ({ ...threshold })),
    quorum: { ...rules.quorum },
  }
}

/** 过半且超三分之二: a second threshold that must hold as well; at most two. */
export function addThreshold(rules: RuleSet) {
  if (rules.thresholds.length < 2) {
    rules.thresholds.push({
      numerator: 2,
      denominator: 3,
      comparison: 'more_than',
      base: 'present',
    })
  }
}

export function removeThreshold(rules: RuleSet, index: number) {
  rules.thresholds.splice(index, 1)
}

/** Rank only: the seats go by rank of 赞成 and no threshold is set. */
export function setRankOnly(rules: RuleSet, on: boolean) {
  rules.rank_only = on
  if (on) rules.thresholds.splice(0)
  else if (!rules.thresholds.length) rules.thresholds.push({ ...MAJORITY_OF_ALL })
}
