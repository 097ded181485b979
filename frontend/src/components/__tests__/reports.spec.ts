import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { h, ref } from 'vue'

import ReportTable, { type ReportColumn } from '@/components/ReportTable.vue'
import ReportFiles from '@/components/ReportFiles.vue'
import StageFormCard from '@/components/StageFormCard.vue'
import StagePeriod from '@/components/StagePeriod.vue'
import { applyLocale, i18n } from '@/plugins/i18n'

import { stubRouter, uiPlugins } from './mounting'

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
      global: { plugins: uiPlugins() },
    })
    await flushPromises()
    const table = wrapper.get('[data-testid=units]')
    expect(table.findAll('thead th')[0]!.text()).toBe(i18n.global.t('common.save'))
    const cells = table.findAll('tbody td')
    expect(cells.map((cell) => cell.text())).toEqual(['城建委', '3 件', '打开1'])
    expect(cells[2]!.find('button.open').exists()).toBe(true)
    // Only the row's cells: nothing for the empty row el-table draws to inspect a column.
    expect(table.findAll('button.open')).toHaveLength(1)
  })

  it('fixes a column to an edge where its declaration says so', async () => {
    const wrapper = mount(ReportTable<Unit>, {
      props: {
        data: [{ id: 1, name: '城建委', count: 3 }],
        columns: [
          { key: 'name', prop: 'name', fixed: true },
          { key: 'act', fixed: 'right' },
        ],
      },
      global: { plugins: uiPlugins() },
    })
    await flushPromises()
    const fixed = wrapper.findAllComponents({ name: 'ElTableColumn' }).map((column) => column.props('fixed'))
    expect(fixed).toEqual([true, 'right'])
  })

  it("links a cell's text to the record's page where its declaration says so", async () => {
    const router = stubRouter({ home: '/', unit: '/units/:id' })
    const wrapper = mount(ReportTable<Unit>, {
      props: {
        data: [{ id: 7, name: '城建委', count: 3 }],
        columns: [
          {
            key: 'name',
            text: (row) => row.name,
            link: (row) => ({
              to: { name: 'unit', params: { id: row.id } },
              testid: `unit-${row.id}`,
            }),
          },
        ],
      },
      global: { plugins: [...uiPlugins(), router] },
    })
    await router.isReady()
    await flushPromises()
    const link = wrapper.get('a[data-testid=unit-7]')
    expect(link.text()).toBe('城建委')
    expect(link.attributes('href')).toBe('/units/7')
  })

  it("draws a row's buttons where its declaration gives them", async () => {
    const opened: number[] = []
    const wrapper = mount(ReportTable<Unit>, {
      props: {
        data: [{ id: 4, name: '城建委', count: 3 }],
        columns: [
          { key: 'name', prop: 'name' },
          {
            key: 'actions',
            buttons: (row) => [
              { label: '打开', testid: `open-${row.id}`, onClick: () => opened.push(row.id) },
              { label: '删除', show: false, testid: `drop-${row.id}`, onClick: () => {} },
            ],
          },
        ],
      },
      global: { plugins: uiPlugins() },
    })
    await flushPromises()
    const button = wrapper.get('[data-testid=open-4]')
    expect(button.classes()).toContain('is-link')
    expect(wrapper.find('[data-testid=drop-4]').exists()).toBe(false)
    await button.trigger('click')
    expect(opened).toEqual([4])
  })

  it('says there is no record when the data is empty', async () => {
    const wrapper = mount(ReportTable<Unit>, {
      props: { data: [], columns },
      attrs: { 'data-testid': 'units' },
      global: { plugins: uiPlugins() },
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
      global: { plugins: uiPlugins() },
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

describe('ReportFiles', () => {
  it('names the files sent so far and passes each picked file on', async () => {
    const wrapper = mount(ReportFiles, {
      props: {
        label: '附件',
        pickLabel: '上传',
        files: [{ id: 1, name: '报告.pdf' }],
        testid: 'report-file',
        muted: true,
      },
      global: { plugins: uiPlugins() },
    })
    expect(wrapper.get('.el-form-item__label').text()).toBe('附件')
    expect(wrapper.get('.report-file--muted').text()).toBe('报告.pdf')
    const input = wrapper.get('input[data-testid=report-file]')
    const file = new File(['x'], '照片.jpg')
    Object.defineProperty(input.element, 'files', { value: [file] })
    await input.trigger('change')
    expect(wrapper.emitted('pick')).toEqual([[file]])
  })
})

describe('StagePeriod', () => {
  it('binds the first and last day, and refuses a last day before the first', async () => {
    const start = ref<string | null | undefined>('2027-03-10')
    const end = ref<string | null | undefined>(null)
    const wrapper = mount(StagePeriod, {
      props: {
        startLabel: '开始',
        endLabel: '结束',
        startTestid: 'starts',
        endTestid: 'ends',
        start: start.value,
        end: end.value,
        'onUpdate:end': (value: string | null | undefined) => (end.value = value),
      },
      global: { plugins: uiPlugins() },
    })
    const labels = wrapper.findAll('.el-form-item__label').map((label) => label.text())
    expect(labels).toEqual(['开始', '结束'])
    // Both days are required by every stage that has them (the API refuses a cleared one).
    expect(wrapper.findAll('.el-form-item.is-required')).toHaveLength(2)
    const [first, picker] = wrapper.findAllComponents({ name: 'ElDatePicker' })
    expect(first!.attributes('data-testid') ?? first!.vm.$attrs['data-testid']).toBe('starts')
    const disabled = picker!.props('disabledDate') as (day: Date) => boolean
    expect(disabled(new Date(2027, 2, 9))).toBe(true)
    expect(disabled(new Date(2027, 2, 10))).toBe(false)
    picker!.vm.$emit('update:modelValue', '2027-03-20')
    expect(end.value).toBe('2027-03-20')
  })
})
