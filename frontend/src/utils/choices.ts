/** One option of a select: what it sets and what it shows. */
export interface Choice<V extends string | number> {
  value: V
  label: string
}

/** A select's options for a list of plain values (an enum's members), each shown by `label`. */
export function choices<V extends string | number>(
  values: readonly V[],
  label: (value: V) => string = String,
): Choice<V>[] {
  return values.map((value) => ({ value, label: label(value) }))
}
