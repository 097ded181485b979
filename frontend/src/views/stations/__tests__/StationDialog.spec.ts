import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { reactive } from 'vue'

import type { StationIn } from '@/api/stations'
import { uiPlugins } from '@/components/__tests__/mounting'
import { applyLocale } from '@/plugins/i18n'
import StationDialog from '@/views/stations/StationDialog.vue'

beforeEach(() => {
  applyLocale('zh-CN')
  document.body.innerHTML = ''
})

const byTestid = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`)

describe('StationDialog', () => {
  it("fills the station's form in place and hands the dialog's own attributes on", async () => {
    const onConfirm = vi.fn()
    const form = reactive<StationIn>({ name: '', tier: 'station', address: '' })
    const wrapper = mount(StationDialog, {
      props: { modelValue: true, form, parents: [], testid: 'station-edit-form' },
      attrs: {
        title: '编辑站点',
        error: '名称已被使用。',
        confirmTestid: 'station-edit-submit',
        errorTestid: 'station-edit-error',
        onConfirm,
      },
      global: { plugins: uiPlugins() },
      attachTo: document.body,
    })
    await flushPromises()
    expect(document.querySelector('.el-dialog__title')?.textContent).toBe('编辑站点')
    expect(byTestid('station-edit-form')?.tagName).toBe('FORM')
    expect(byTestid('station-edit-error')?.textContent).toContain('名称已被使用。')
    const name = document.querySelector<HTMLInputElement>('input[data-testid=station-edit-form-name]')!
    name.value = '东湖站'
    name.dispatchEvent(new Event('input'))
    await flushPromises()
    expect(form.name).toBe('东湖站')
    byTestid('station-edit-submit')!.click()
    expect(onConfirm).toHaveBeenCalledOnce()
    wrapper.unmount()
  })
})
