import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, ref } from 'vue'

import CopyCode from '@/components/CopyCode.vue'
import ErrorAlert from '@/components/ErrorAlert.vue'
import FilePick from '@/components/FilePick.vue'
import FormDialog from '@/components/FormDialog.vue'
import ListPager from '@/components/ListPager.vue'
import MoneyInput from '@/components/MoneyInput.vue'
import { applyLocale, i18n } from '@/plugins/i18n'

const plugins = () => [ElementPlus, i18n]

beforeEach(() => {
  setActivePinia(createPinia())
  applyLocale('zh-CN')
})

describe('ErrorAlert', () => {
  it('shows nothing without a message', () => {
    const wrapper = mount(ErrorAlert, { props: { message: '' }, global: { plugins: plugins() } })
    expect(wrapper.find('[role=alert]').exists()).toBe(false)
  })

  it('shows the message as an alert, with the test id given to it', () => {
    const wrapper = mount(ErrorAlert, {
      props: { message: '联络站不存在。' },
      attrs: { 'data-testid': 'page-error' },
      global: { plugins: plugins(), stubs: { transition: false } },
    })
    const alert = wrapper.get('[data-testid=page-error]')
    expect(alert.attributes('role')).toBe('alert')
    expect(alert.classes()).toContain('el-alert--error')
    expect(alert.text()).toContain('联络站不存在。')
  })

  it('shows a notice in its own colour', () => {
    const wrapper = mount(ErrorAlert, {
      props: { message: '已保存。', type: 'success' },
      global: { plugins: plugins(), stubs: { transition: false } },
    })
    expect(wrapper.get('.el-alert').classes()).toContain('el-alert--success')
  })
})

describe('FormDialog', () => {
  const Host = defineComponent({
    setup() {
      const open = ref(true)
      const confirmed = ref(0)
      return () =>
        h('div', [
          h(
            FormDialog,
            {
              modelValue: open.value,
              'onUpdate:modelValue': (value: boolean) => (open.value = value),
              title: '新建',
              confirmLabel: '提交',
              confirmTestid: 'dialog-ok',
              busy: confirmed.value > 1,
              onConfirm: () => confirmed.value++,
            },
            () => h('p', { 'data-testid': 'body' }, '正文'),
          ),
          h('span', { 'data-testid': 'state' }, `${open.value}:${confirmed.value}`),
        ])
    },
  })

  it('confirms through the page, and cancel only closes', async () => {
    const wrapper = mount(Host, { global: { plugins: plugins() }, attachTo: document.body })
    await flushPromises()
    const ok = document.querySelector<HTMLButtonElement>('[data-testid=dialog-ok]')!
    expect(ok.textContent).toContain('提交')
    ok.click()
    await flushPromises()
    expect(wrapper.get('[data-testid=state]').text()).toBe('true:1')

    const cancel = [...document.querySelectorAll<HTMLButtonElement>('.el-dialog__footer button')].find((button) =>
      button.textContent?.includes('取消'),
    )!
    cancel.click()
    await flushPromises()
    expect(wrapper.get('[data-testid=state]').text()).toBe('false:1')
    wrapper.unmount()
  })
})

describe('ListPager', () => {
  it('hides itself on a single page and moves to the page clicked', async () => {
    const single = mount(ListPager, {
      props: { page: 1, pageSize: 20, total: 20 },
      global: { plugins: plugins() },
    })
    expect(single.find('.el-pagination').exists()).toBe(false)

    const many = mount(ListPager, {
      props: { page: 1, pageSize: 20, total: 45 },
      global: { plugins: plugins() },
    })
    const pages = many.findAll('.el-pager li')
    expect(pages.map((li) => li.text())).toEqual(['1', '2', '3'])
    await pages[2]!.trigger('click')
    expect(many.emitted('change')).toEqual([[3]])
  })
})

describe('CopyCode', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('shows the code and copies it to the clipboard', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined)
    vi.stubGlobal('navigator', { clipboard: { writeText } })
    const wrapper = mount(CopyCode, {
      props: { code: '7KQ2-M9XD-0AB1-CDEF-GHJK', testid: 'receipt' },
      global: { plugins: plugins() },
    })
    expect(wrapper.get('[data-testid=receipt]').text()).toBe('7KQ2-M9XD-0AB1-CDEF-GHJK')

    await wrapper.get('[data-testid=receipt-copy]').trigger('click')
    await flushPromises()

    expect(writeText).toHaveBeenCalledWith('7KQ2-M9XD-0AB1-CDEF-GHJK')
    expect(wrapper.get('[data-testid=receipt-copy]').text()).toBe('已复制')
  })

  it('says so when the browser gives no clipboard', async () => {
    vi.stubGlobal('navigator', {})
    const wrapper = mount(CopyCode, {
      props: { code: 'ABCD', testid: 'receipt' },
      global: { plugins: plugins() },
    })

    await wrapper.get('[data-testid=receipt-copy]').trigger('click')
    await flushPromises()

    expect(wrapper.get('[role=status]').text()).toContain('无法自动复制')
  })
})

describe('MoneyInput', () => {
  it('shows the unit, 万元, beside the figure and passes the figure through', async () => {
    const wrapper = mount(MoneyInput, {
      props: { modelValue: '120.50' },
      attrs: { 'data-testid': 'plan-planned' },
      global: { plugins: plugins() },
    })
    expect(wrapper.get('.el-input-group__append').text()).toBe('万元')
    const input = wrapper.get('[data-testid=plan-planned]')
    expect((input.element as HTMLInputElement).value).toBe('120.50')
    expect(input.attributes('inputmode')).toBe('decimal')

    await input.setValue('98')
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual(['98'])
  })
})

describe('FilePick', () => {
  async function choose(input: HTMLInputElement, files: File[]) {
    Object.defineProperty(input, 'files', { value: files, configurable: true })
    input.dispatchEvent(new Event('change'))
    await flushPromises()
  }

  function mountPick(props: Record<string, unknown>) {
    const wrapper = mount(FilePick, {
      props: {
        ...props,
        'onUpdate:modelValue': (value: File | File[] | null) => wrapper.setProps({ modelValue: value }),
      },
      attrs: { 'data-testid': 'minutes-file', 'aria-label': '会议纪要' },
      global: { plugins: plugins() },
    })
    return wrapper
  }

  it('gives the test id and label to the hidden input, behind an Element Plus button', () => {
    const wrapper = mountPick({ modelValue: null, accept: '.pdf' })
    const input = wrapper.get('[data-testid=minutes-file]')
    expect(input.element.tagName).toBe('INPUT')
    expect(input.attributes()).toMatchObject({
      type: 'file',
      accept: '.pdf',
      'aria-label': '会议纪要',
    })
    expect(input.classes()).toContain('visually-hidden')
    expect(wrapper.get('.el-button').text()).toBe('选择文件')
  })

  it('shows each chosen file with a button that drops it', async () => {
    const wrapper = mountPick({ modelValue: [], multiple: true })
    const input = wrapper.get<HTMLInputElement>('input').element
    const first = new File(['a'], '现场1.jpg')
    const second = new File(['b'], '现场2.jpg')
    await choose(input, [first])
    await choose(input, [second])
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual([[first, second]])
    expect(wrapper.findAll('[data-testid=file-pick-name]').map((n) => n.text())).toEqual(['现场1.jpg', '现场2.jpg'])

    await wrapper.get('[aria-label="移除 现场1.jpg"]').trigger('click')
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual([[second]])
    expect(wrapper.findAll('[data-testid=file-pick-name]').map((n) => n.text())).toEqual(['现场2.jpg'])
  })

  it('refuses a file over the limit and says so, keeping the one chosen before', async () => {
    const wrapper = mountPick({ modelValue: null, maxMb: 1 })
    const input = wrapper.get<HTMLInputElement>('input').element
    const small = new File(['x'], '纪要.pdf')
    await choose(input, [small])
    expect(wrapper.emitted('pick')).toEqual([[small]])

    await choose(input, [new File([new Uint8Array(2 ** 20 + 1)], '扫描件.pdf')])
    expect(wrapper.get('[role=alert]').text()).toBe('扫描件.pdf 超过 1 MB，未选中。')
    expect(wrapper.emitted('pick')).toHaveLength(1)
    expect(wrapper.props('modelValue')).toBe(small)
    expect(wrapper.get('[data-testid=file-pick-name]').text()).toBe('纪要.pdf')
  })
})
