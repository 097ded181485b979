import type { Choice } from '@/utils/choices'

/**
 * One field of a FormFields list: the model's `key` it edits, the `kind` of control (a text
 * input unless told), its label, whether it is required (left unset, the form's rules say), its
 * test id, the choices of a select or radio, the server field whose messages it shows when not
 * `key`, and a `hint` shown beside the control (its bounds, say). Any other entry is an attribute of the control (type, rows, maxlength, min, max,
 * placeholder, disabled...).
 */
export interface FormFieldSpec<M extends object = Record<string, unknown>> {
  key: keyof M & string
  kind?: 'text' | 'select' | 'date' | 'number' | 'radio'
  label: string
  required?: boolean
  testid?: string
  options?: readonly Choice<string | number>[]
  errorKey?: string
  hint?: string
  [attribute: string]: unknown
}

const READ = new Set(['key', 'kind', 'label', 'required', 'testid', 'options', 'errorKey', 'hint'])

/** The attributes a field's spec gives its control: all but what FormFields reads itself. */
export function controlAttributes(spec: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(spec).filter(([name]) => !READ.has(name)))
}
