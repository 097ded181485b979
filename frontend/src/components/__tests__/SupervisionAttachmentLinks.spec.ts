import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { describe, expect, it, vi } from 'vitest'

import { ApiError } from '@/api/http'
import { attachmentUrl } from '@/api/supervision'
import SupervisionAttachmentLinks from '@/components/SupervisionAttachmentLinks.vue'

vi.mock('@/api/supervision', () => ({ attachmentUrl: vi.fn() }))

const attachments = [
  { id: 3, name: '通知.pdf' },
  { id: 5, name: '附表.xlsx' },
]

describe('SupervisionAttachmentLinks', () => {
  it('names each file on a link button and opens the one clicked in a new tab', async () => {
    vi.mocked(attachmentUrl).mockResolvedValue({ url: 'https://files.example/5' } as never)
    const open = vi.spyOn(window, 'open').mockReturnValue(null)
    const wrapper = mount(SupervisionAttachmentLinks, {
      props: { attachments },
      global: { plugins: [ElementPlus] },
    })
    const buttons = wrapper.findAll('button')
    expect(buttons.map((b) => b.text())).toEqual(['通知.pdf', '附表.xlsx'])
    expect(buttons[1]!.classes()).toContain('is-link')
    await buttons[1]!.trigger('click')
    await flushPromises()
    expect(attachmentUrl).toHaveBeenCalledWith(5)
    expect(open).toHaveBeenCalledWith('https://files.example/5', '_blank', 'noopener')
    expect(wrapper.emitted('error')).toBeUndefined()
  })

  it('says why when the link cannot be had', async () => {
    vi.mocked(attachmentUrl).mockRejectedValue(new ApiError(404, 'http_404', '文件不存在'))
    const wrapper = mount(SupervisionAttachmentLinks, {
      props: { attachments },
      global: { plugins: [ElementPlus] },
    })
    await wrapper.findAll('button')[0]!.trigger('click')
    await flushPromises()
    expect(wrapper.emitted('error')).toEqual([['文件不存在']])
  })
})
