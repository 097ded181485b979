import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { beforeEach, describe, expect, it } from 'vitest'

import { applyLocale, i18n } from '@/plugins/i18n'

import CongressStatusTag from '../CongressStatusTag.vue'

const tag = (status: 'active' | 'suspended' | undefined) =>
  mount(CongressStatusTag, { props: { status }, global: { plugins: [ElementPlus, i18n] } })

describe('CongressStatusTag', () => {
  beforeEach(() => applyLocale('zh-CN'))

  it('shows a suspended congress grey and an active one green', () => {
    const suspended = tag('suspended')
    expect(suspended.get('.el-tag').classes()).toContain('el-tag--info')
    expect(suspended.text()).toBe(i18n.global.t('enums.congressStatus.suspended'))
    const active = tag('active')
    expect(active.get('.el-tag').classes()).toContain('el-tag--success')
    expect(active.text()).toBe(i18n.global.t('enums.congressStatus.active'))
  })

  it('takes a congress whose state is not said for an active one', () => {
    expect(tag(undefined).text()).toBe(i18n.global.t('enums.congressStatus.active'))
  })
})
