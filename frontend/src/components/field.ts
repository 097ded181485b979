/**
 * What every labelled field of a form takes (TextField, DateField, NumberField, SelectField):
 * its label, which also names the control (aria-label); the server's message for it, or the
 * list of messages the API gave (`action.fields.value.title`); whether it is required; and the
 * `prop` the form's rules know it by. What a field's default slot holds (a note, a hint) follows
 * its control.
 */
export interface FieldProps {
  label: string
  error?: string | readonly string[] | null
  /** Left unset, el-form-item takes it from the form's rules. */
  required?: boolean
  prop?: string
}

export const fieldDefaults = { error: undefined, required: undefined, prop: undefined }
