import { mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'

import { applyLocale, i18n } from '@/plugins/i18n'

import VotingBackLink from '../VotingBackLink.vue'

describe('VotingBackLink', () => {
  beforeEach(() => applyLocale('zh-CN'))

  it('leads back to the voting cycles, drawn as a button', async () => {
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/voting', name: 'voting', component: { render: () => null } }],
    })
    const wrapper = mount(VotingBackLink, { global: { plugins: [i18n, router] } })
    await router.isReady()
    const link = wrapper.get('a.el-button')
    expect(link.attributes('href')).toBe('/voting')
    expect(link.text()).toBe(i18n.global.t('voting.back'))
  })
})
