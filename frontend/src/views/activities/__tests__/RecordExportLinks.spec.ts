import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { beforeEach, describe, expect, it } from 'vitest'

import { applyLocale, i18n } from '@/plugins/i18n'
import RecordExportLinks from '@/views/activities/RecordExportLinks.vue'

beforeEach(() => applyLocale('zh-CN'))

describe('RecordExportLinks', () => {
  it('links each output, spreadsheet first, under its own test id', () => {
    const wrapper = mount(RecordExportLinks, {
      props: { href: (output: string) => `/export?output=${output}`, testid: 'duty-export' },
      global: { plugins: [ElementPlus, i18n] },
    })
    const links = wrapper.findAll('a')
    expect(links.map((link) => link.attributes('data-testid'))).toEqual(['duty-export-xlsx', 'duty-export-json'])
    expect(links.map((link) => link.attributes('href'))).toEqual(['/export?output=xlsx', '/export?output=json'])
    expect(links[0]!.text()).toBe(i18n.global.t('activities.me.exportXlsx'))
    expect(links[1]!.text()).toBe(i18n.global.t('activities.me.exportJson'))
  })
})
