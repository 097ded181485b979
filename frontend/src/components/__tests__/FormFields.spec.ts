import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus, { ElForm } from 'element-plus'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { h, reactive } from 'vue'

import FormFields from '@/components/FormFields.vue'
import { controlAttributes, type FormFieldSpec } from '@/components/formFields'
import { applyLocale, i18n } from '@/plugins/i18n'

beforeEach(() => applyLocale('zh-CN'))

interface Deputy {
  name: string
  level: string
  seats: number
  starts_on: string | null
  notes: string
}

const FIELDS: FormFieldSpec<Deputy>[] = [
  { key: 'name', label: '姓名', required: true, maxlength: '50', testid: 'deputy-name' },
  {
    key: 'level',
    kind: 'select',
    label: '层级',
    options: [
      { value: 'city', label: '市级' },
      { value: 'township', label: '乡镇级' },
    ],
    testid: 'deputy-level',
  },
  { key: 'seats', kind: 'number', label: '名额', min: 1, errorKey: 'rules', hint: '1 至 9 名', testid: 'seats' },
  { key: 'starts_on', kind: 'date', label: '开始日期', testid: 'starts' },
  { key: 'notes', label: '备注', type: 'textarea', rows: 2, testid: 'notes' },
]

function render(errors: Record<string, string[]> = {}) {
  const model = reactive<Deputy>({
    name: '张三',
    level: 'city',
    seats: 3,
    starts_on: '2026-03-01',
    notes: '',
  })
  const wrapper = mount(
    {
      render: () => h(ElForm, null, () => h(FormFields<Deputy>, { modelValue: model, fields: FIELDS, errors })),
    },
    { global: { plugins: [ElementPlus, i18n], stubs: { 'transition-group': false } } },
  )
  return { model, wrapper }
}

describe('FormFields', () => {
  it('draws each declared field in order, labelled, named and with its test id', () => {
    const { wrapper } = render()
    const labels = wrapper.findAll('.el-form-item__label').map((label) => label.text())
    expect(labels).toEqual(['姓名', '层级', '名额', '开始日期', '备注'])

    const name = wrapper.get('input[data-testid=deputy-name]')
    expect(name.attributes('aria-label')).toBe('姓名')
    expect(name.attributes('maxlength')).toBe('50')
    expect((name.element as HTMLInputElement).value).toBe('张三')
    expect(wrapper.get('[data-testid=deputy-level] input').attributes('aria-label')).toBe('层级')
    expect(wrapper.get('[data-testid=seats] input').attributes('aria-label')).toBe('名额')
    expect(wrapper.get('input[aria-label=开始日期]').attributes('placeholder')).toBe('开始日期')
    expect(wrapper.get('[data-testid=notes]').element.tagName).toBe('TEXTAREA')
    expect(wrapper.findAll('.form-fields__hint').map((hint) => hint.text())).toEqual(['1 至 9 名'])

    const items = wrapper.findAll('.el-form-item')
    expect(items[0]!.classes()).toContain('is-required')
    expect(items[1]!.classes()).not.toContain('is-required')
  })

  it('edits the model it is given', async () => {
    const { model, wrapper } = render()
    await wrapper.get('input[data-testid=deputy-name]').setValue('李四')
    expect(model.name).toBe('李四')
  })

  it("shows the server's messages for a field, by its key or its errorKey", async () => {
    const { wrapper } = render({ name: ['姓名已存在。'], rules: ['名额太多。'], seats: ['不显示'] })
    // Element Plus shows a form item's message 100 ms after its state turns to error.
    await vi.waitFor(() =>
      expect(wrapper.findAll('.el-form-item__error').map((e) => e.text())).toEqual(['姓名已存在。', '名额太多。']),
    )
    await flushPromises()
  })

  it('passes to the control only what FormFields does not read itself', () => {
    expect(controlAttributes(FIELDS[0]!)).toEqual({ maxlength: '50' })
    expect(controlAttributes(FIELDS[2]!)).toEqual({ min: 1 })
    expect(controlAttributes(FIELDS[4]!)).toEqual({ type: 'textarea', rows: 2 })
  })
})
