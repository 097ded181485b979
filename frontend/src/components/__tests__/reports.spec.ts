import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { h } from 'vue'

import ReportTable, { type ReportColumn } from '@/components/ReportTable.vue'
import StageFormCard from '@/components/StageFormCard.vue'
import { applyLocale, i18n } from '@/plugins/i18n'

const plugins = () => [ElementPlus, i18n]

beforeEach(() => {
  setActivePinia(createPinia())
  applyLocale('zh-CN')
})

afterEach(() => {
  document.body.innerHTML = ''
})

interface Unit {
  id: number
  name: string
  count: number
}

describe('ReportTable', () => {
  const columns: ReportColumn<Unit>[] = [
    { key: 'name', label: 'common.save', prop: 'name', width: 120 },
    { key: 'count', text: (row) => `${row.count} 件` },
    { key: 'act' },
  ]

  it('draws one column a declaration: its prop, its text, or its slot', async () => {
    const wrapper = mount(ReportTable<Unit>, {
      props: { data: [{ id: 1, name: '城建委', count: 3 }], columns },
      attrs: { 'data-testid': 'units' },
      slots: { act: ({ row }: { row: Unit }) => h('button', { class: 'open' }, `打开${row.id}`) },
      global: { plugins: plugins() },
    })
    await flushPromises()
    const table = wrapper.get('[data-testid=units]')
    expect(table.findAll('thead th')[0]!.text()).toBe(i18n.global.t('common.save'))
    const cells = table.findAll('tbody td')
    expect(cells.map((cell) => cell.text())).toEqual(['城建委', '3 件', '打开1'])
    expect(cells[2]!.find('button.open').exists()).toBe(true)
  })

  it('says there is no record when the data is empty', async () => {
    const wrapper = mount(ReportTable<Unit>, {
      props: { data: [], columns },
      attrs: { 'data-testid': 'units' },
      global: { plugins: plugins() },
    })
    await flushPromises()
    expect(wrapper.get('.el-table__empty-text').text()).toBe(i18n.global.t('common.empty'))
  })
})

describe('StageFormCard', () => {
  it('heads a card, lays the labels above the fields, and submits by its button', async () => {
    const wrapper = mount(StageFormCard, {
      props: {
        title: '审议意见',
        submitLabel: '记录意见',
        busy: true,
        formTestid: 'opinions-form',
        submitTestid: 'opinions-submit',
      },
      attrs: { class: 'page-card' },
      slots: { default: () => h('input', { name: 'opinions' }) },
      global: { plugins: plugins() },
    })
    expect(wrapper.classes()).toContain('page-card')
    expect(wrapper.get('.el-card__header h2').text()).toBe('审议意见')
    const form = wrapper.get('form[data-testid=opinions-form]')
    expect(form.classes()).toContain('el-form--label-top')
    expect(form.find('input[name=opinions]').exists()).toBe(true)
    const button = form.get('button[data-testid=opinions-submit]')
    expect(button.text()).toBe('记录意见')
    expect(button.attributes('type')).toBe('submit')
    expect(button.classes()).toContain('is-loading')
    await form.trigger('submit')
    expect(wrapper.emitted('submit')).toHaveLength(1)
  })
})
