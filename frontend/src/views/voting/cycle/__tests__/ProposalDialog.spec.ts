import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { h } from 'vue'

import type { Proposal } from '@/api/voting'
import { uiPlugins } from '@/components/__tests__/mounting'
import { applyLocale } from '@/plugins/i18n'

import ProposalDialog from '../ProposalDialog.vue'

beforeEach(() => {
  applyLocale('zh-CN')
  document.body.innerHTML = ''
})

const proposal = { id: 4, title: '修缮村道' } as Proposal
const byTestid = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`)

function open(onConfirm = vi.fn()) {
  return mount(ProposalDialog, {
    props: { proposal, name: 'reject', title: '不予受理', confirmLabel: '确定', error: '请写明理由' },
    attrs: { confirmType: 'danger', onConfirm },
    slots: { default: () => h('p', { class: 'reason' }, '理由') },
    global: { plugins: uiPlugins() },
    attachTo: document.body,
  })
}

describe('ProposalDialog', () => {
  it('opens on a proposal, leads with its title and names its parts by `name`', async () => {
    const confirmed = vi.fn()
    open(confirmed)
    await flushPromises()
    const dialog = byTestid('reject-dialog')
    expect(dialog?.querySelector('.dialog-subject')?.textContent).toBe('修缮村道')
    expect(dialog?.querySelector('.reason')?.textContent).toBe('理由')
    expect(byTestid('reject-error')?.textContent).toContain('请写明理由')
    const confirm = byTestid('reject-confirm')
    expect(confirm?.classList).toContain('el-button--danger')
    confirm?.click()
    expect(confirmed).toHaveBeenCalledOnce()
  })

  it('says close when it is closed', async () => {
    const wrapper = open()
    await flushPromises()
    wrapper.findComponent({ name: 'ElDialog' }).vm.$emit('update:modelValue', false)
    expect(wrapper.emitted('close')).toHaveLength(1)
  })
})
