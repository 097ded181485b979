import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'

import { stubRouter } from '@/components/__tests__/mounting'
import OpinionOpenLink from '@/views/opinions/console/OpinionOpenLink.vue'

const router = stubRouter({ home: '/', 'opinions-detail': '/opinions/:id' })

describe('OpinionOpenLink', () => {
  it("is the opinion's text, linking to its page under its test id", async () => {
    const wrapper = mount(OpinionOpenLink, {
      props: { opinion: { id: 12, content: '路灯坏了' } },
      global: { plugins: [router] },
    })
    await router.isReady()
    const link = wrapper.get('a')
    expect(link.text()).toBe('路灯坏了')
    expect(link.attributes('href')).toBe('/opinions/12')
    expect(link.attributes('data-testid')).toBe('opinion-open-12')
    expect(link.classes()).toContain('opinion-link')
  })
})
