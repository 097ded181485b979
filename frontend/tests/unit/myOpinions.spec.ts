import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { applyLocale, i18n } from '@/plugins/i18n'
import MyOpinions from '@/views/me/tasks/MyOpinions.vue'

const ROW = {
  category: 'transport',
  station_name: '青石镇人大代表联络站',
  unit_name: '镇村建办',
  due_on: '2027-02-20',
  rating: '',
  received_at: '2026-11-20T02:00:00Z',
}
const page = (results: unknown[]) => ({
  count: results.length,
  next: null,
  previous: null,
  results,
})

function json(status: number, body: unknown) {
  return new Response(body === null ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  })
}

let answered = true
let sent: unknown = null

beforeEach(() => {
  applyLocale('zh-CN')
  answered = true
  sent = null
  document.cookie = 'csrftoken=tok; path=/'
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (url.startsWith('/api/v1/opinions/mine')) {
        return json(200, page([
          { ...ROW, id: 1, content: '东桥护栏缺失。', status: answered ? 'replied' : 'reopened',
            answer: '已安装。', answered_on: '2026-11-25', can_dissent: answered },
          { ...ROW, id: 2, content: '路灯不亮。', status: 'closed', answer: '已修复。',
            answered_on: '2026-11-22', can_dissent: false },
        ])) // prettier-ignore
      }
      if (url === '/api/v1/opinions/1/deputy-dissatisfied') {
        sent = JSON.parse(String(init?.body))
        answered = false
        return new Response(null, { status: 204 })
      }
      return json(404, { code: 'opinion_unknown', detail: '意见不存在。' })
    }),
  )
})

afterEach(() => vi.unstubAllGlobals())

describe("the deputy's opinions", () => {
  it('lists what the deputy received with the answers and offers 不满意 only once answered', async () => {
    const wrapper = mount(MyOpinions, { global: { plugins: [i18n, ElementPlus] } })
    await flushPromises()
    expect(wrapper.get('[data-testid=me-opinion-1]').text()).toContain('已安装。')
    expect(wrapper.find('[data-testid=me-opinion-dissent-1]').exists()).toBe(true)
    expect(wrapper.find('[data-testid=me-opinion-dissent-2]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('sends the reason and shows the opinion reopened', async () => {
    const wrapper = mount(MyOpinions, {
      global: { plugins: [i18n, ElementPlus] },
      attachTo: document.body,
    })
    await flushPromises()
    await wrapper.get('[data-testid=me-opinion-dissent-1]').trigger('click')
    await vi.waitFor(() => expect(document.querySelector('.el-message-box input')).not.toBeNull())
    const input = document.querySelector<HTMLInputElement>('.el-message-box input')!
    input.value = '群众反映仍未修好'
    input.dispatchEvent(new Event('input'))
    await flushPromises()
    document.querySelector<HTMLButtonElement>('.el-message-box__btns .el-button--primary')!.click()
    await vi.waitFor(() => expect(sent).toEqual({ comment: '群众反映仍未修好' }))
    await vi.waitFor(() => expect(wrapper.find('[data-testid=me-opinion-dissent-1]').exists()).toBe(false))
    wrapper.unmount()
  })
})
