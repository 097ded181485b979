import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { reactive } from 'vue'

import type { StationIn } from '@/api/stations'
import { uiPlugins } from '@/components/__tests__/mounting'
import { applyLocale, i18n } from '@/plugins/i18n'
import StationDialog from '@/views/stations/StationDialog.vue'

beforeEach(() => {
  applyLocale('zh-CN')
  document.body.innerHTML = ''
})

const byTestid = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`)

describe('StationDialog', () => {
  it("edits the station's form in place under the editing title and test ids", async () => {
    const onConfirm = vi.fn()
    const form = reactive<StationIn>({ name: '', tier: 'station', address: '' })
    const wrapper = mount(StationDialog, {
      props: { modelValue: true, form, parents: [], editing: true },
      attrs: { error: '名称已被使用。', onConfirm },
      global: { plugins: uiPlugins() },
      attachTo: document.body,
    })
    await flushPromises()
    expect(document.querySelector('.el-dialog__title')?.textContent).toBe(i18n.global.t('stations.edit'))
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

  it('is the create dialog unless editing', async () => {
    mount(StationDialog, {
      props: { modelValue: true, form: { name: '', tier: 'station', address: '' }, parents: [] },
      global: { plugins: uiPlugins() },
      attachTo: document.body,
    })
    await flushPromises()
    expect(document.querySelector('.el-dialog__title')?.textContent).toBe(i18n.global.t('stations.create'))
    expect(byTestid('station-form')?.tagName).toBe('FORM')
    expect(byTestid('station-form-name')).not.toBeNull()
    expect(byTestid('station-form-submit')?.tagName).toBe('BUTTON')
  })
})
