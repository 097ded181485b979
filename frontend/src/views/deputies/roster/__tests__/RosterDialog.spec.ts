import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it } from 'vitest'
import { h, nextTick } from 'vue'

import { byTestid, uiPlugins } from '@/components/__tests__/mounting'
import { useAction } from '@/composables/useAction'
import { applyLocale } from '@/plugins/i18n'

import RosterDialog from '../RosterDialog.vue'

beforeEach(() => {
  applyLocale('zh-CN')
  document.body.innerHTML = ''
})

describe('RosterDialog', () => {
  it("names its parts after `name`, shows the action's failure, and clears it when opened again", async () => {
    const action = useAction()
    action.error.value = '上次的错误'
    const wrapper = mount(RosterDialog, {
      props: { modelValue: false, name: 'link', title: '关联账号', confirmLabel: '关联', action },
      slots: { default: () => h('input', { name: 'login' }), lead: () => h('p', { class: 'lead' }, '提示') },
      global: { plugins: uiPlugins() },
      attachTo: document.body,
    })
    action.error.value = '账号不存在。'
    await wrapper.setProps({ modelValue: true })
    await flushPromises()
    expect(action.error.value).toBe('')
    action.error.value = '账号不存在。'
    await nextTick()
    expect(byTestid('link-dialog')).not.toBeNull()
    expect(byTestid('link-error')?.textContent).toContain('账号不存在。')
    expect(document.querySelector('.lead')?.textContent).toBe('提示')
    byTestid('link-save')!.click()
    expect(wrapper.emitted('confirm')).toHaveLength(1)
  })
})
