import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { beforeEach, describe, expect, it } from 'vitest'

import FormDialog from '@/components/FormDialog.vue'
import { applyLocale, i18n } from '@/plugins/i18n'

beforeEach(() => applyLocale('zh-CN'))

async function footer(cancellable?: boolean) {
  document.body.innerHTML = ''
  const wrapper = mount(FormDialog, {
    props: { modelValue: true, title: '修改密码', confirmLabel: '保存', cancellable },
    global: { plugins: [ElementPlus, i18n] },
    attachTo: document.body,
  })
  await flushPromises()
  const texts = [...document.querySelectorAll('.el-dialog__footer button')].map((button) =>
    button.textContent?.trim(),
  )
  wrapper.unmount()
  return texts
}

describe('FormDialog cancellable', () => {
  it('offers cancel before the confirming button unless it is not cancellable', async () => {
    expect(await footer()).toEqual(['取消', '保存'])
    expect(await footer(false)).toEqual(['保存'])
  })
})
