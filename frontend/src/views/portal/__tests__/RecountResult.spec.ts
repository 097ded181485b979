import { mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it } from 'vitest'

import type { Verification } from '@/api/portal'
import { uiPlugins } from '@/components/__tests__/mounting'
import { applyLocale, i18n } from '@/plugins/i18n'
import RecountResult from '@/views/portal/announcement/RecountResult.vue'

beforeEach(() => applyLocale('zh-CN'))

const result = (problems: string[]): Verification => ({
  ok: problems.length === 0,
  record_hash: 'ab12',
  problems: problems.map((message) => ({ code: 'mismatch', message })),
})

describe('RecountResult', () => {
  it('is a green alert when the record checks out', () => {
    const wrapper = mount(RecountResult, {
      props: { result: result([]) },
      attrs: { 'data-testid': 'recount-result-1' },
      global: { plugins: uiPlugins(), stubs: { transition: false } },
    })
    const alert = wrapper.get('[data-testid=recount-result-1]')
    expect(alert.classes()).toContain('el-alert--success')
    expect(alert.text()).toContain(i18n.global.t('portal.recount.ok'))
    expect(wrapper.findAll('li')).toHaveLength(0)
    expect(wrapper.find('.recount-hash').exists()).toBe(false)
  })

  it("names a chosen file's hash when given one", () => {
    const wrapper = mount(RecountResult, {
      props: { result: result([]), hash: 'ab12' },
      global: { plugins: uiPlugins(), stubs: { transition: false } },
    })
    expect(wrapper.get('.recount-hash').text()).toBe(i18n.global.t('portal.recount.fileHash', { hash: 'ab12' }))
  })

  it('is a red alert listing each problem when it does not', () => {
    const wrapper = mount(RecountResult, {
      props: { result: result(['票数不符', '哈希不符']) },
      global: { plugins: uiPlugins(), stubs: { transition: false } },
    })
    expect(wrapper.get('.el-alert').classes()).toContain('el-alert--error')
    expect(wrapper.text()).toContain(i18n.global.t('portal.recount.failed'))
    expect(wrapper.findAll('li').map((li) => li.text())).toEqual(['票数不符', '哈希不符'])
  })
})
