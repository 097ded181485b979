import { describe, expect, it } from 'vitest'
import { reactive, ref, toRef } from 'vue'

import { openWhileSet } from '../openWhileSet'

describe('openWhileSet', () => {
  it('is open while its subject is set, and closing clears the subject', () => {
    const editing = ref<{ id: number } | null>(null)
    const open = openWhileSet(editing)
    expect(open.value).toBe(false)
    editing.value = { id: 3 }
    expect(open.value).toBe(true)
    open.value = true
    expect(editing.value).toEqual({ id: 3 })
    open.value = false
    expect(editing.value).toBeNull()
    expect(open.value).toBe(false)
  })

  it("follows a reactive view's field lent through toRef", () => {
    const view = reactive({ dialog: 'reply' as string | null })
    const open = openWhileSet(toRef(view, 'dialog'))
    expect(open.value).toBe(true)
    open.value = false
    expect(view.dialog).toBeNull()
  })
})
