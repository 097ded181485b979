import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'

import type { Session } from '@/api/types'
import { applyLocale, i18n } from '@/plugins/i18n'
import { createAppRouter } from '@/router'
import ImportDialog from '@/views/deputies/roster/ImportDialog.vue'
import StationPage from '@/views/portal/station/index.vue'

const anonymous: Session = {
  user: null,
  congress: {
    id: 4,
    name: '青石镇人大主席团',
    slug: 'qingshi',
    level: 'township',
    division_code: '369902101',
  },
  roles: [],
  memberships: [],
  idle_timeout_seconds: 1800,
}
const STATION = {
  id: 7,
  name: '青石镇人大代表联络站',
  tier: 'station',
  address: '青石镇人民路18号',
  opening_hours: '工作日 8:30-17:30',
  phone: '0799-6512345',
  introduction: '',
  staff: [{ name: '周建平', duty: 'head' }],
  residents: [{ name: '钱七', level: 'county', home_congress_name: '东湖区人大常委会' }],
  rota: [
    {
      id: 3,
      date: '2026-12-01',
      starts_at: '09:00:00',
      ends_at: '11:30:00',
      topic: '饮用水安全',
      on_duty: [{ name: '钱七', level: 'county', home_congress_name: '东湖区人大常委会' }],
    },
  ],
  congress_name: '青石镇人大主席团',
  opinion_path: '/portal/opinions/new?station=7',
}
const REPORT = {
  created: 3,
  updated: 0,
  unchanged: 0,
  failed: 2,
  problems: [
    { row: 4, field: '手机号', reason: '应为 11 位手机号码' },
    { row: 6, field: '', reason: '与第 2 行为同一名代表' },
  ],
}

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  })
}

let fetchMock: ReturnType<typeof vi.fn>

beforeEach(() => {
  applyLocale('zh-CN')
  document.cookie = 'csrftoken=tok; path=/'
  fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (url === '/api/v1/auth/session') return json(200, anonymous)
    if (url === '/api/v1/public/stations/7') return json(200, STATION)
    if (url === '/api/v1/deputies/import' && init?.method === 'POST') {
      const file = (init.body as FormData).get('file') as File
      return file.name.endsWith('.xlsx')
        ? json(200, REPORT)
        : json(400, {
            code: 'import_file_invalid',
            detail: '无法读取文件，请上传 .xlsx 格式的 Excel 文件。',
          })
    }
    return json(404, { code: 'not_found', detail: '不存在。' })
  })
  vi.stubGlobal('fetch', fetchMock)
})

afterEach(() => vi.unstubAllGlobals())

async function mountWith(view: object, props: Record<string, unknown> = {}, path = '/') {
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createAppRouter(createMemoryHistory())
  await router.push(path)
  const wrapper = mount(view, {
    props,
    global: { plugins: [pinia, router, i18n, ElementPlus] },
    attachTo: document.body,
  })
  await flushPromises()
  return wrapper
}

async function pick(wrapper: Awaited<ReturnType<typeof mountWith>>, name: string) {
  const input = wrapper.get('[data-testid=roster-import-input]').element as HTMLInputElement
  Object.defineProperty(input, 'files', { value: [new File(['x'], name)], configurable: true })
  await wrapper.get('[data-testid=roster-import-input]').trigger('change')
  await wrapper.get('[data-testid=roster-import-submit]').trigger('click')
  await flushPromises()
}

describe('the public station page', () => {
  it('shows the rota, who is on duty and where to give an opinion, without a login', async () => {
    const wrapper = await mountWith(StationPage, {}, '/portal/station/7')
    const rota = wrapper.get('[data-testid=public-station-rota]').text()
    expect(rota).toContain('饮用水安全')
    expect(rota).toContain('09:00–11:30')
    expect(rota).toContain('钱七')
    expect(wrapper.get('[data-testid=public-station-opinion]').attributes('href')).toBe(
      '/portal/opinions/new?station=7',
    )
    wrapper.unmount()
  })
})

describe('the roster import dialog', () => {
  it('lists each refused row with its column and reason', async () => {
    const wrapper = await mountWith(ImportDialog, { modelValue: true })
    await pick(wrapper, '名册.xlsx')
    await vi.waitFor(() =>
      expect(document.querySelector('[data-testid=roster-import-summary]')?.textContent).toContain('新增 3 人'),
    )
    const problems = document.querySelector('[data-testid=roster-import-problems]')?.textContent
    expect(problems).toContain('应为 11 位手机号码')
    expect(problems).toContain('整行')
    expect(wrapper.emitted('imported')).toHaveLength(1)
    wrapper.unmount()
  })

  it('says why a file that is not a workbook was refused', async () => {
    const wrapper = await mountWith(ImportDialog, { modelValue: true })
    await pick(wrapper, '名册.csv')
    await vi.waitFor(() =>
      expect(document.querySelector('[data-testid=roster-import-error]')?.textContent).toContain('.xlsx'),
    )
    expect(wrapper.emitted('imported')).toBeUndefined()
    wrapper.unmount()
  })
})
