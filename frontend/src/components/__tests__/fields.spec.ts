import { flushPromises, mount } from '@vue/test-utils'
import { ElForm } from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, ref } from 'vue'

import ChoiceSelect from '@/components/ChoiceSelect.vue'
import DateField from '@/components/DateField.vue'
import FormField from '@/components/FormField.vue'
import FormSubmit from '@/components/FormSubmit.vue'
import NumberField from '@/components/NumberField.vue'
import SelectField from '@/components/SelectField.vue'
import TextField from '@/components/TextField.vue'
import { applyLocale } from '@/plugins/i18n'
import { choices } from '@/utils/choices'

import { uiPlugins } from './mounting'

beforeEach(() => {
  setActivePinia(createPinia())
  applyLocale('zh-CN')
})

describe('FormField', () => {
  it('shows the label, the required mark and the messages the API gave for the field', async () => {
    const wrapper = mount(FormField, {
      props: { label: '标题', required: true, error: ['不能为空。', '太短。'] },
      attrs: { 'data-testid': 'title-item' },
      global: { plugins: uiPlugins(), stubs: { 'transition-group': false } },
    })
    const item = wrapper.get('[data-testid=title-item]')
    expect(item.classes()).toContain('el-form-item')
    expect(item.classes()).toContain('is-required')
    expect(item.get('.el-form-item__label').text()).toBe('标题')
    // Element Plus shows a form item's message 100 ms after its state turns to error.
    await vi.waitFor(() => expect(item.get('.el-form-item__error').text()).toBe('不能为空。 太短。'))
  })

  it('shows no message, and leaves required to the rules, when none is given', async () => {
    const wrapper = mount(FormField, {
      props: { label: '地点' },
      attrs: { 'data-testid': 'place-item' },
      global: { plugins: uiPlugins() },
    })
    const item = wrapper.get('[data-testid=place-item]')
    expect(item.classes()).not.toContain('is-required')
    expect(item.find('.el-form-item__error').exists()).toBe(false)
  })
})

describe('TextField', () => {
  const Host = defineComponent({
    setup() {
      const title = ref('旧标题')
      return () =>
        h('div', [
          h(TextField, {
            modelValue: title.value,
            'onUpdate:modelValue': (value: string | number | null | undefined) => (title.value = String(value)),
            label: '标题',
            required: true,
            error: '标题不能为空。',
            maxlength: '200',
            'data-testid': 'proposal-title',
          }),
          h('span', { 'data-testid': 'model' }, title.value),
        ])
    },
  })

  it('names the input by its label, gives it the test id and binds v-model', async () => {
    const wrapper = mount(Host, {
      global: { plugins: uiPlugins(), stubs: { 'transition-group': false } },
    })
    const input = wrapper.get('input[data-testid=proposal-title]')
    expect(input.attributes('aria-label')).toBe('标题')
    expect(input.attributes('maxlength')).toBe('200')
    expect((input.element as HTMLInputElement).value).toBe('旧标题')
    expect(wrapper.get('.el-form-item__label').text()).toBe('标题')
    // Element Plus shows a form item's message 100 ms after its state turns to error.
    await vi.waitFor(() => expect(wrapper.get('.el-form-item__error').text()).toBe('标题不能为空。'))
    expect(wrapper.get('.el-form-item').classes()).toContain('is-required')

    await input.setValue('新标题')
    expect(wrapper.get('[data-testid=model]').text()).toBe('新标题')
  })

  it("leaves the required mark to the form's rules when not told", async () => {
    const inRulesForm = (required?: boolean) =>
      mount(
        {
          render: () =>
            h(ElForm, { model: { title: '' }, rules: { title: [{ required: true }] } }, () =>
              h(TextField, { label: '标题', prop: 'title', modelValue: '', required }),
            ),
        },
        { global: { plugins: uiPlugins() } },
      )
    const wrapper = inRulesForm()
    await flushPromises()
    expect(wrapper.get('.el-form-item').classes()).toContain('is-required')
    // Told it is not, the field overrides the rules.
    expect(inRulesForm(false).get('.el-form-item').classes()).not.toContain('is-required')
  })

  it('renders a textarea when asked', () => {
    const wrapper = mount(TextField, {
      props: { label: '说明', modelValue: '' },
      attrs: { type: 'textarea', rows: 3, 'data-testid': 'proposal-description' },
      global: { plugins: uiPlugins() },
    })
    const area = wrapper.get('[data-testid=proposal-description]')
    expect(area.element.tagName).toBe('TEXTAREA')
    expect(area.attributes('aria-label')).toBe('说明')
  })
})

describe('DateField', () => {
  it("is a day picker named and filled in by its label, with the field's message", async () => {
    const wrapper = mount(DateField, {
      props: { label: '开始日期', modelValue: '2026-03-01', error: ['日期不对。'] },
      global: { plugins: uiPlugins(), stubs: { 'transition-group': false } },
    })
    const input = wrapper.get('input[aria-label=开始日期]')
    expect(input.attributes('aria-label')).toBe('开始日期')
    expect(input.attributes('placeholder')).toBe('开始日期')
    expect((input.element as HTMLInputElement).value).toBe('2026-03-01')
    // Element Plus shows a form item's message 100 ms after its state turns to error.
    await vi.waitFor(() => expect(wrapper.get('.el-form-item__error').text()).toBe('日期不对。'))
  })

  it('takes a placeholder of its own', () => {
    const wrapper = mount(DateField, {
      props: { label: '开始日期', modelValue: null },
      attrs: { placeholder: '' },
      global: { plugins: uiPlugins() },
    })
    expect(wrapper.get('input[aria-label=开始日期]').attributes('placeholder')).toBe('')
  })

  it('with hideLabel, names the picker by its label without showing it beside it', () => {
    const wrapper = mount(DateField, {
      props: { label: '会议日期', hideLabel: true, modelValue: null },
      global: { plugins: uiPlugins() },
    })
    expect(wrapper.get('input[aria-label=会议日期]').attributes('placeholder')).toBe('会议日期')
    expect(wrapper.find('.el-form-item__label').exists()).toBe(false)
  })
})

describe('NumberField', () => {
  it('is a number input named by its label, with its bounds and test id', async () => {
    const wrapper = mount(NumberField, {
      props: { label: '年度', modelValue: 2026 },
      attrs: { min: 2000, max: 2100, 'data-testid': 'cycle-form-year' },
      global: { plugins: uiPlugins() },
    })
    const input = wrapper.get('[data-testid=cycle-form-year] input')
    expect(input.attributes('aria-label')).toBe('年度')
    expect((input.element as HTMLInputElement).value).toBe('2026')
    await input.setValue('2027')
    await input.trigger('change')
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual([2027])
  })
})

describe('SelectField', () => {
  it('offers its choices under the label and sets the one picked', async () => {
    const wrapper = mount(SelectField, {
      props: {
        label: '来源',
        modelValue: 'staff',
        options: choices(['staff', 'deputy'] as const, (value) => `来源 ${value}`),
      },
      attrs: { 'data-testid': 'proposal-origin' },
      global: { plugins: uiPlugins(), stubs: { transition: false } },
      attachTo: document.body,
    })
    expect(wrapper.get('[data-testid=proposal-origin] input').attributes('aria-label')).toBe('来源')

    await wrapper.get('.el-select__wrapper').trigger('click')
    await flushPromises()
    const options = Array.from(document.querySelectorAll<HTMLElement>('.el-select-dropdown__item'))
    expect(options.map((o) => o.textContent?.trim())).toEqual(['来源 staff', '来源 deputy'])
    options[1]!.click()
    await flushPromises()
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual(['deputy'])
    wrapper.unmount()
  })
})

describe('ChoiceSelect', () => {
  it('is an el-select over its choices, taking the attributes given', async () => {
    const wrapper = mount(ChoiceSelect, {
      props: { modelValue: null, options: [{ value: 3, label: '东湖区' }] },
      attrs: { 'aria-label': '区县', class: 'county', 'data-testid': 'dashboard-county' },
      global: { plugins: uiPlugins(), stubs: { transition: false } },
      attachTo: document.body,
    })
    const select = wrapper.get('[data-testid=dashboard-county]')
    expect(select.classes()).toEqual(expect.arrayContaining(['el-select', 'county']))
    expect(select.get('input').attributes('aria-label')).toBe('区县')

    await wrapper.get('.el-select__wrapper').trigger('click')
    await flushPromises()
    document.querySelector<HTMLElement>('.el-select-dropdown__item')!.click()
    await flushPromises()
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual([3])
    wrapper.unmount()
  })
})

describe('choices', () => {
  it('labels plain values, by their own text unless told', () => {
    expect(choices([1, 2])).toEqual([
      { value: 1, label: '1' },
      { value: 2, label: '2' },
    ])
    expect(choices(['a'], (value) => value.toUpperCase())).toEqual([{ value: 'a', label: 'A' }])
  })
})

describe('FormSubmit', () => {
  it('is the primary submit button, loading while busy, with the test id given', () => {
    const wrapper = mount(FormSubmit, {
      props: { label: '保存', busy: true },
      attrs: { 'data-testid': 'proposal-submit' },
      global: { plugins: uiPlugins() },
    })
    const button = wrapper.get('button[data-testid=proposal-submit]')
    expect(button.attributes('type')).toBe('submit')
    expect(button.classes()).toContain('el-button--primary')
    expect(button.classes()).toContain('is-loading')
    expect(button.text()).toContain('保存')
  })
})
