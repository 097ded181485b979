import { computed, type Ref, type WritableComputedRef } from 'vue'

/**
 * A dialog's open flag that follows what it is about: open while `subject` holds something (not
 * null), and closing the dialog clears it. `toRef(view, 'editing')` lends a reactive view's field.
 */
export function openWhileSet(subject: Ref<unknown>): WritableComputedRef<boolean> {
  return computed({
    get: () => subject.value !== null,
    set: (open: boolean) => {
      if (!open) subject.value = null
    },
  })
}
