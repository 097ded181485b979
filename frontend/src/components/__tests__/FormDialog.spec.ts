import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { beforeEach, describe, expect, it } from 'vitest'
import { h, reactive } from 'vue'

import FormDialog from '@/components/FormDialog.vue'
import TextField from '@/components/TextField.vue'
import { useAction } from '@/composables/useAction'
import { applyLocale, i18n } from '@/plugins/i18n'

import { byTestid } from './mounting'

beforeEach(() => {
  applyLocale('zh-CN')
  document.body.innerHTML = ''
})

function open(props: Record<string, unknown> = {}, slots: Record<string, () => ReturnType<typeof h>> = {}) {
  return mount(FormDialog, {
    props: { modelValue: true, title: '修改密码', ...props },
    slots,
    global: { plugins: [ElementPlus, i18n] },
    attachTo: document.body,
  })
}

const footer = () =>
  [...document.querySelectorAll('.el-dialog__footer button')].map((button) => button.textContent?.trim())

describe('FormDialog footer', () => {
  it('offers cancel before the confirming button unless it is not cancellable', async () => {
    const wrapper = open({ confirmLabel: '提交' })
    await flushPromises()
    expect(footer()).toEqual(['取消', '提交'])
    wrapper.unmount()
    open({ cancellable: false })
    await flushPromises()
    expect(footer()).toEqual(['保存'])
  })
})

describe('FormDialog form', () => {
  it('names the dialog, its form, button and message from one test id', async () => {
    open({ testid: 'group', error: '保存失败。' }, { default: () => h('input') })
    await flushPromises()
    expect(byTestid('group-dialog')?.classList).toContain('el-dialog')
    expect(byTestid('group-form')?.tagName).toBe('FORM')
    expect(byTestid('group-form')?.classList).toContain('el-form--label-top')
    expect(byTestid('group-form-submit')?.tagName).toBe('BUTTON')
    expect(byTestid('group-form-error')?.querySelector('[role=alert]')).not.toBeNull()
    expect(byTestid('group-form-error')?.textContent).toContain('保存失败。')
  })

  it('keeps the test ids it is given, and puts the message above the form when told', async () => {
    open(
      {
        testid: 'deputy',
        confirmTestid: 'deputy-save',
        errorTestid: 'deputy-error',
        error: '姓名不能为空。',
        errorAbove: true,
        labelWidth: '120px',
      },
      { lead: () => h('p', { class: 'lead' }, '说明'), default: () => h('input') },
    )
    await flushPromises()
    expect(byTestid('deputy-save')?.tagName).toBe('BUTTON')
    expect(byTestid('deputy-form-submit')).toBeNull()
    const body = document.querySelector('.el-dialog__body')!
    const order = [...body.children].map((child) =>
      child.classList.contains('lead') ? 'lead' : child.getAttribute('data-testid'),
    )
    expect(order).toEqual(['lead', 'deputy-error', 'deputy-form'])
    expect(byTestid('deputy-form')?.classList).toContain('el-form--label-right')
  })

  it("confirms on the button and on the form's submit; busy and error come from the action", async () => {
    const action = useAction((failure) => (failure as Error).message)
    const wrapper = open({ action, testid: 'unit' }, { default: () => h('input') })
    await flushPromises()
    byTestid('unit-form-submit')!.click()
    byTestid('unit-form')!.dispatchEvent(new Event('submit'))
    expect(wrapper.emitted('confirm')).toHaveLength(2)

    let finish = () => {}
    const running = action.run(() => new Promise<void>((resolve) => (finish = resolve)))
    await flushPromises()
    expect(byTestid('unit-form-submit')?.classList).toContain('is-loading')
    finish()
    await running
    await action.run(() => Promise.reject(new Error('单位名称已存在。')))
    await flushPromises()
    expect(byTestid('unit-form-submit')?.classList).not.toContain('is-loading')
    expect(byTestid('unit-form-error')?.textContent).toContain('单位名称已存在。')
  })

  it('shows a plain body without a form', async () => {
    open({ plain: true, testid: 'roles' }, { default: () => h('p', '角色') })
    await flushPromises()
    expect(document.querySelector('.el-dialog__body form')).toBeNull()
    expect(document.querySelector('.el-dialog__body')?.textContent).toContain('角色')
  })

  it('gives the form its model and rules, and answers whether they pass', async () => {
    const model = reactive({ name: '' })
    const wrapper = open(
      { model, rules: { name: [{ required: true, message: '必填', trigger: 'blur' }] } },
      { default: () => h(TextField, { prop: 'name', label: '姓名', modelValue: model.name }) },
    )
    await flushPromises()
    expect(document.querySelector('.el-form-item')?.classList).toContain('is-required')
    expect(await wrapper.vm.validate()).toBeTypeOf('boolean')
    wrapper.unmount()
    expect(await open().vm.validate()).toBe(true)
  })
})
