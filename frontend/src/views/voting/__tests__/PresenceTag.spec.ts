import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { beforeEach, describe, expect, it } from 'vitest'

import { applyLocale, i18n } from '@/plugins/i18n'

import PresenceTag from '../PresenceTag.vue'

const tag = (present: boolean) =>
  mount(PresenceTag, {
    props: { present, testid: 'roll-state' },
    global: { plugins: [ElementPlus, i18n] },
  }).get('[data-testid=roll-state]')

describe('PresenceTag', () => {
  beforeEach(() => applyLocale('zh-CN'))

  it('shows a deputy in the hall in green and one away in grey', () => {
    const present = tag(true)
    expect(present.text()).toBe(i18n.global.t('voting.roll.present'))
    expect(present.classes()).toContain('el-tag--success')
    const absent = tag(false)
    expect(absent.text()).toBe(i18n.global.t('voting.roll.absent'))
    expect(absent.classes()).toContain('el-tag--info')
  })
})
