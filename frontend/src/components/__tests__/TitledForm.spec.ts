import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { h, reactive } from 'vue'

import type { FormFieldSpec } from '@/components/formFields'
import TextField from '@/components/TextField.vue'
import TitledForm from '@/components/TitledForm.vue'

import { uiPlugins } from './mounting'

interface Call {
  title: string
}

beforeEach(() => setActivePinia(createPinia()))

const fields: FormFieldSpec<Call>[] = [{ key: 'title', label: '标题', required: true, testid: 'call-title' }]

function render(action: { busy: boolean; error: string; fields?: Record<string, string[]> }, more = {}) {
  const model = reactive<Call>({ title: '' })
  const wrapper = mount(TitledForm<Call>, {
    props: { model, fields, title: '发布征集公告', submitLabel: '发布', action, testid: 'call', ...more },
    slots: { default: () => h('p', { class: 'extra' }, '附件') },
    global: { plugins: uiPlugins() },
  })
  return { wrapper, model }
}

describe('TitledForm', () => {
  it('titles the form, draws its fields and what the slot adds, and submits', async () => {
    const { wrapper, model } = render({ busy: false, error: '' })
    const form = wrapper.get('form[data-testid=call-form]')
    expect(form.get('h3').text()).toBe('发布征集公告')
    expect(form.get('h3').classes()).not.toContain('titled-form__title--first')
    await form.get('input[data-testid=call-title]').setValue('2027年民生实事项目征集')
    expect(model.title).toBe('2027年民生实事项目征集')
    expect(form.get('.extra').text()).toBe('附件')
    expect(wrapper.get('[data-testid=call-submit]').text()).toBe('发布')
    expect(wrapper.find('[data-testid=call-error]').exists()).toBe(false)
    await form.trigger('submit')
    expect(wrapper.emitted('submit')).toHaveLength(1)
  })

  it('shows the failure and the field’s message, loads while busy, and takes its own submit test id', async () => {
    const { wrapper } = render(
      { busy: true, error: '保存失败', fields: { title: ['标题不能为空'] } },
      { submitTestid: 'call-add', first: true, disabled: true },
    )
    await flushPromises()
    expect(wrapper.get('[data-testid=call-error]').text()).toContain('保存失败')
    expect(wrapper.findComponent(TextField).props('error')).toEqual(['标题不能为空'])
    const submit = wrapper.get('[data-testid=call-add]')
    expect(submit.classes()).toContain('is-loading')
    expect(submit.attributes('disabled')).toBeDefined()
    expect(wrapper.get('h3').classes()).toContain('titled-form__title--first')
  })
})
