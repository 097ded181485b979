import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'

import { listCongresses, provisionCongress } from '@/api/congresses'
import { ApiError } from '@/api/http'
import type { Congress } from '@/api/types'
import { applyLocale, i18n } from '@/plugins/i18n'
import { useAppStore } from '@/stores/app'
import { useSessionStore } from '@/stores/session'
import CongressList from '@/views/congresses/list/index.vue'
import ProvisionDialog from '@/views/congresses/list/ProvisionDialog.vue'

vi.mock('@/api/congresses', () => ({
  listCongresses: vi.fn(),
  provisionCongress: vi.fn(),
  getProvisioningJob: vi.fn(),
}))

const list = vi.mocked(listCongresses)
const provision = vi.mocked(provisionCongress)

function congress(partial: Partial<Congress> & Pick<Congress, 'id' | 'name' | 'slug'>): Congress {
  return {
    level: 'township',
    parent_id: null,
    parent_name: null,
    division_code: '369902101',
    status: 'active',
    domain: `${partial.slug}.localhost`,
    created_at: '2026-11-26T10:00:00Z',
    ...partial,
  }
}

// What 东湖区's host lists: itself and its townships; its own parent (the city) is not there.
const DONGHU = congress({
  id: 2,
  name: '东湖区人大常委会',
  slug: 'donghu',
  level: 'county',
  parent_id: 1,
  parent_name: '云溪市人大常委会',
  division_code: '369902',
})
const QINGSHI = congress({
  id: 4,
  name: '青石镇人大主席团',
  slug: 'qingshi',
  parent_id: 2,
  parent_name: '东湖区人大常委会',
})

function setUp() {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().set({
    user: {
      id: 1,
      username: 'donghu-sys',
      display_name: '东湖区系统管理员',
      is_platform_operator: false,
      must_change_password: false,
    },
    congress: {
      id: 2,
      name: '东湖区人大常委会',
      slug: 'donghu',
      level: 'county',
      division_code: '369902',
    },
    roles: ['system_admin'],
    memberships: [],
    idle_timeout_seconds: 1800,
  })
  return pinia
}

beforeEach(() => {
  applyLocale('zh-CN')
  list.mockReset()
  provision.mockReset()
})

afterEach(() => {
  document.body.innerHTML = ''
})

describe('congress list', () => {
  async function mountList(rows: Congress[], { phone }: { phone: boolean }) {
    const pinia = setUp()
    useAppStore().isPhone = phone
    list.mockResolvedValueOnce({ count: rows.length, results: rows })
    const wrapper = mount(CongressList, { global: { plugins: [pinia, i18n, ElementPlus] } })
    await flushPromises()
    return wrapper
  }

  it('names each parent from the API, even one this host does not list', async () => {
    const wrapper = await mountList([DONGHU, QINGSHI], { phone: false })
    const rows = wrapper.findAll('[data-testid=congress-table] .el-table__body tr')
    expect(rows).toHaveLength(2)
    expect(rows[0]!.text()).toContain('东湖区人大常委会')
    expect(rows[0]!.text()).toContain('云溪市人大常委会')
    expect(rows[1]!.text()).toContain('青石镇人大主席团')
    expect(rows[1]!.text()).toContain('东湖区人大常委会')
    wrapper.unmount()
  })

  it('names the parent on the phone cards too', async () => {
    const wrapper = await mountList([DONGHU, QINGSHI], { phone: true })

    const cards = wrapper.findAll('[data-testid=congress-cards] .congress-card')
    expect(cards).toHaveLength(2)
    const parentOf = (card: (typeof cards)[number]) => {
      const at = card.findAll('dt').findIndex((dt) => dt.text() === '上级人大')
      return card.findAll('dd')[at]!.text()
    }
    expect(parentOf(cards[0]!)).toBe('云溪市人大常委会')
    expect(parentOf(cards[1]!)).toBe('东湖区人大常委会')
    wrapper.unmount()
  })
})

describe('provision dialog', () => {
  beforeEach(() => {
    // jsdom lays nothing out, so the form's automatic label width is NaN: not this test's concern.
    const warn = console.warn.bind(console)
    vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
      if (!String(args[0]).includes('[ElForm] unexpected width')) warn(...args)
    })
  })

  function formItem(label: string): HTMLElement {
    const items = Array.from(document.body.querySelectorAll<HTMLElement>('.el-form-item'))
    const item = items.find((el) => el.querySelector('.el-form-item__label')?.textContent?.trim() === label)
    if (!item) throw new Error(`no form item labelled ${label}`)
    return item
  }

  function fill(label: string, value: string) {
    const input = formItem(label).querySelector('input')!
    input.value = value
    input.dispatchEvent(new Event('input'))
  }

  const errorOf = (label: string) => formItem(label).querySelector('.el-form-item__error')?.textContent?.trim() ?? ''

  async function submitRefusedWith(fields: Record<string, string[]>) {
    const pinia = setUp()
    provision.mockRejectedValueOnce(new ApiError(400, 'invalid', Object.values(fields)[0]![0]!, fields))
    const wrapper = mount(ProvisionDialog, {
      props: { modelValue: false, congresses: [DONGHU], levels: ['township'], hostCongressId: 2 },
      global: { plugins: [pinia, i18n, ElementPlus] },
      attachTo: document.body,
    })
    await wrapper.setProps({ modelValue: true })
    await flushPromises()
    fill('名称', '新桥镇人大主席团')
    fill('域名标识', 'xinqiao')
    fill('行政区划代码', '369802103')
    await nextTick()
    document.body.querySelector<HTMLElement>('[data-testid=provision-submit]')!.click()
    await flushPromises()
    await nextTick()
    return wrapper
  }

  // Element Plus shows a form item's message 100 ms after its state turns to error.
  it('shows a refused division code next to its field', async () => {
    const wrapper = await submitRefusedWith({
      division_code: ['行政区划代码与上级人大不符（应以 369902 开头）。'],
    })
    expect(provision).toHaveBeenCalledOnce()
    expect(provision.mock.calls[0]![0]).toMatchObject({ parent_id: 2, slug: 'xinqiao' })
    await vi.waitFor(() => expect(errorOf('行政区划代码')).toBe('行政区划代码与上级人大不符（应以 369902 开头）。'))
    expect(errorOf('上级人大')).toBe('')
    wrapper.unmount()
  })

  it('shows a refused parent next to the parent field, named parent_id as in the request', async () => {
    const wrapper = await submitRefusedWith({ parent_id: ['上级人大不存在。'] })
    await vi.waitFor(() => expect(errorOf('上级人大')).toBe('上级人大不存在。'))
    wrapper.unmount()
  })

  it('no longer reads parent errors under the old name `parent`', async () => {
    const wrapper = await submitRefusedWith({
      division_code: ['该行政区划代码已开通。'],
      parent: ['上级人大不存在。'],
    })
    await vi.waitFor(() => expect(errorOf('行政区划代码')).toBe('该行政区划代码已开通。'))
    expect(errorOf('上级人大')).toBe('')
    wrapper.unmount()
  })
})
