import { mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it } from 'vitest'

import StationQr from '@/components/StationQr.vue'
import { applyLocale, i18n } from '@/plugins/i18n'

beforeEach(() => applyLocale('zh-CN'))

describe('StationQr', () => {
  it('shows the square code, named, over its caption', () => {
    const wrapper = mount(StationQr, {
      props: { src: '/qr.png', size: 144, caption: '扫码提意见', testid: 'qr' },
      attrs: { class: 'qr-margin' },
      global: { plugins: [i18n] },
    })
    const img = wrapper.get('[data-testid=qr]')
    expect(img.attributes()).toMatchObject({ src: '/qr.png', width: '144', height: '144' })
    expect(img.attributes('alt')).not.toBe('')
    expect(wrapper.get('figcaption').text()).toBe('扫码提意见')
    expect(wrapper.get('figure').classes()).toContain('qr-margin')
  })
})
