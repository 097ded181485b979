import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { describe, expect, it, vi } from 'vitest'
import { h } from 'vue'

import ActionButtons from '@/components/ActionButtons.vue'

describe('ActionButtons', () => {
  it('draws the shown entries in order, with no element around them, each doing its click', async () => {
    const edit = vi.fn()
    const wrapper = mount(
      {
        render: () =>
          h('td', [
            h(ActionButtons, {
              link: true,
              buttons: [
                { label: '编辑', type: 'primary', testid: 'edit', onClick: edit },
                { label: '关联', testid: 'link', show: false },
                { label: '导出', tag: 'a', href: '/export', class: 'wide', testid: 'export' },
              ],
            }),
          ]),
      },
      { global: { plugins: [ElementPlus] } },
    )
    const buttons = wrapper.findAll('td > .el-button')
    expect(buttons.map((b) => b.text())).toEqual(['编辑', '导出'])
    expect(buttons[0]?.classes()).toEqual(expect.arrayContaining(['is-link', 'el-button--primary']))
    expect(wrapper.find('[data-testid=link]').exists()).toBe(false)
    const exported = wrapper.get('[data-testid=export]')
    expect(exported.element.tagName).toBe('A')
    expect(exported.attributes('href')).toBe('/export')
    expect(exported.classes()).toContain('wide')
    await wrapper.get('[data-testid=edit]').trigger('click')
    expect(edit).toHaveBeenCalledOnce()
  })

  it("sizes and disables the whole row at once, keeping each entry's own state", () => {
    const wrapper = mount(ActionButtons, {
      props: {
        size: 'small',
        disabled: true,
        buttons: [
          { key: 'hold', label: '举行', title: '标记已举行', testid: 'hold' },
          { key: 'cancel', label: '取消', type: 'danger', testid: 'cancel' },
        ],
      },
      global: { plugins: [ElementPlus] },
    })
    const buttons = wrapper.findAll('button')
    expect(buttons.map((b) => b.classes())).toEqual([
      expect.arrayContaining(['el-button--small', 'is-disabled']),
      expect.arrayContaining(['el-button--small', 'is-disabled', 'el-button--danger']),
    ])
    expect(wrapper.get('[data-testid=hold]').attributes('title')).toBe('标记已举行')
    expect(wrapper.find('[key]').exists()).toBe(false)
  })
})
