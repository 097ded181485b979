import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { describe, expect, it, vi } from 'vitest'

import RowActions from '@/components/RowActions.vue'

describe('RowActions', () => {
  it('draws one button per shown action, with its test id, and runs its click', async () => {
    const publish = vi.fn()
    const wrapper = mount(RowActions, {
      props: {
        link: true,
        actions: [
          { key: 'publish', label: '发布', testid: 'publish-1', type: 'primary', onClick: publish },
          { key: 'hold', label: '举行', show: false, onClick: vi.fn() },
          { key: 'cancel', label: '取消', type: 'danger', disabled: true, onClick: vi.fn() },
        ],
      },
      global: { plugins: [ElementPlus] },
    })
    const buttons = wrapper.findAll('button')
    expect(buttons.map((button) => button.text())).toEqual(['发布', '取消'])
    expect(buttons[0]!.attributes('data-testid')).toBe('publish-1')
    expect(buttons[0]!.classes()).toContain('is-link')
    expect(buttons[1]!.attributes('disabled')).toBeDefined()
    expect(buttons[1]!.attributes('data-testid')).toBeUndefined()
    await buttons[0]!.trigger('click')
    expect(publish).toHaveBeenCalledOnce()
  })
})
