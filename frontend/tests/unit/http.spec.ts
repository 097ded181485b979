import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent } from 'vue'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'

import { ApiError, dispositionName, fieldLines, http, setAuthFailureHandler } from '@/api/http'
import { applyLocale } from '@/plugins/i18n'
import { installAuthRedirect } from '@/router'
import { useSessionStore } from '@/stores/session'

const Blank = defineComponent({ render: () => null })

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  })
}

function clearCookies() {
  for (const part of document.cookie.split(';')) {
    const name = part.split('=')[0]?.trim()
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`
  }
}

function headersOf(call: unknown[] | undefined): Record<string, string> {
  const init = (call?.[1] ?? {}) as RequestInit
  return (init.headers ?? {}) as Record<string, string>
}

let fetchMock: ReturnType<typeof vi.fn>

beforeEach(() => {
  setActivePinia(createPinia())
  clearCookies()
  applyLocale('zh-CN')
  fetchMock = vi.fn()
  vi.stubGlobal('fetch', fetchMock)
})

afterEach(() => {
  vi.unstubAllGlobals()
  setAuthFailureHandler(null)
})

describe('http wrapper: headers', () => {
  it('sends the CSRF cookie as X-CSRFToken and the UI language on unsafe requests', async () => {
    document.cookie = 'csrftoken=tok123; path=/'
    fetchMock.mockResolvedValueOnce(json(200, { ok: true }))

    await expect(http.post('congresses', { name: '青石镇' })).resolves.toEqual({ ok: true })

    expect(fetchMock).toHaveBeenCalledTimes(1)
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit]
    expect(url).toBe('/api/v1/congresses')
    expect(init.method).toBe('POST')
    expect(init.credentials).toBe('same-origin')
    expect(init.body).toBe(JSON.stringify({ name: '青石镇' }))
    expect(headersOf(fetchMock.mock.calls[0])).toMatchObject({
      'X-CSRFToken': 'tok123',
      'Accept-Language': 'zh-hans',
      'Content-Type': 'application/json',
    })
  })

  it('follows the UI locale: English asks the backend for English messages', async () => {
    document.cookie = 'csrftoken=tok123; path=/'
    applyLocale('en')
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }))

    await expect(http.post('auth/logout')).resolves.toBeUndefined()
    expect(headersOf(fetchMock.mock.calls[0])['Accept-Language']).toBe('en')
  })

  it('fetches the CSRF cookie first when it is missing', async () => {
    fetchMock.mockImplementationOnce(async (url: string) => {
      expect(url).toBe('/api/v1/auth/csrf')
      document.cookie = 'csrftoken=fresh456; path=/'
      return new Response(null, { status: 204 })
    })
    fetchMock.mockResolvedValueOnce(json(200, { user: null }))

    await http.post('auth/login', { username: 'a', password: 'b' })

    expect(fetchMock).toHaveBeenCalledTimes(2)
    expect(fetchMock.mock.calls[1]?.[0]).toBe('/api/v1/auth/login')
    expect(headersOf(fetchMock.mock.calls[1])['X-CSRFToken']).toBe('fresh456')
  })

  it('does not put the CSRF token on safe requests but still says the language', async () => {
    document.cookie = 'csrftoken=tok123; path=/'
    fetchMock.mockResolvedValueOnce(json(200, { count: 0, results: [] }))

    await http.get('deputies', { page: 2, page_size: 20, q: undefined })

    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/v1/deputies?page=2&page_size=20')
    const headers = headersOf(fetchMock.mock.calls[0])
    expect(headers['X-CSRFToken']).toBeUndefined()
    expect(headers['Accept-Language']).toBe('zh-hans')
  })
})

describe('http wrapper: errors', () => {
  let router: Router

  beforeEach(async () => {
    router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/', name: 'home', component: Blank },
        { path: '/deputies', name: 'deputies', component: Blank },
        { path: '/login', name: 'login', component: Blank },
      ],
    })
    installAuthRedirect(router)
    await router.push('/deputies?page=2')
    const session = useSessionStore()
    session.set({
      user: {
        id: 1,
        username: 'qingshi-staff',
        display_name: '青石镇工作人员',
        is_platform_operator: false,
        must_change_password: false,
      },
      congress: {
        id: 4,
        name: '青石镇人大主席团',
        slug: 'qingshi',
        level: 'township',
        division_code: '369902101',
      },
      roles: ['staff'],
      memberships: [],
      idle_timeout_seconds: 1800,
    })
  })

  it.each([
    [403, 'tenant_mismatch'],
    [401, 'not_authenticated'],
    [403, 'not_authenticated'],
  ])('maps %i %s to the login page and forgets the user', async (status, code) => {
    fetchMock.mockResolvedValueOnce(json(status, { code, detail: '该登录凭据不属于本单位。' }))

    const failure = await http.get('deputies').catch((e: unknown) => e)

    expect(failure).toBeInstanceOf(ApiError)
    expect((failure as ApiError).code).toBe(code)
    expect((failure as ApiError).detail).toBe('该登录凭据不属于本单位。')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('login'))
    expect(router.currentRoute.value.query.redirect).toBe('/deputies?page=2')
    expect(useSessionStore().isAuthenticated).toBe(false)
  })

  it('keeps the user on the page for other refusals and passes detail and fields on', async () => {
    fetchMock.mockResolvedValueOnce(json(403, { code: 'permission_denied', detail: '您的角色无权进行此操作。' }))
    const denied = (await http.get('audit/entries').catch((e: unknown) => e)) as ApiError
    expect(denied.status).toBe(403)
    expect(denied.detail).toBe('您的角色无权进行此操作。')

    document.cookie = 'csrftoken=tok; path=/'
    fetchMock.mockResolvedValueOnce(
      json(400, {
        code: 'invalid',
        detail: '标识须为 3 至 40 位小写字母。',
        fields: { slug: ['标识须为 3 至 40 位小写字母。'], parent: '请指定上级人大。' },
      }),
    )
    const invalid = (await http.post('congresses', {}).catch((e: unknown) => e)) as ApiError
    expect(invalid.code).toBe('invalid')
    expect(invalid.fields).toEqual({
      slug: ['标识须为 3 至 40 位小写字母。'],
      parent: ['请指定上级人大。'],
    })

    await Promise.resolve()
    expect(router.currentRoute.value.name).toBe('deputies')
    expect(useSessionStore().isAuthenticated).toBe(true)
  })

  it('turns a non-JSON error page and a network failure into readable messages', async () => {
    fetchMock.mockResolvedValueOnce(new Response('<html>Bad gateway</html>', { status: 502 }))
    const gateway = (await http.get('deputies').catch((e: unknown) => e)) as ApiError
    expect(gateway.code).toBe('http_502')
    expect(gateway.detail).toContain('502')

    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'))
    const offline = (await http.get('deputies').catch((e: unknown) => e)) as ApiError
    expect(offline.code).toBe('network_error')
    expect(offline.detail).toBe('无法连接服务器，请检查网络后重试。')
    expect(router.currentRoute.value.name).toBe('deputies')
  })
})

describe('dispositionName', () => {
  it('reads the UTF-8 name Django gives a Chinese file name, else the plain one', () => {
    expect(dispositionName("attachment; filename*=utf-8''2027%E5%B9%B4-%E5%85%AC%E5%91%8A.pdf", 'file.pdf')).toBe(
      '2027年-公告.pdf',
    )
    expect(dispositionName('attachment; filename="results.xlsx"', 'file.xlsx')).toBe('results.xlsx')
    expect(dispositionName(null, 'file.pdf')).toBe('file.pdf')
    expect(dispositionName("attachment; filename*=utf-8''%E0%A4", 'file.pdf')).toBe('file.pdf')
  })
})

describe('fieldLines', () => {
  it("joins each field's messages into one line", () => {
    expect(fieldLines({ name: ['required', 'too short'], roles: ['pick one'] })).toEqual({
      name: 'required too short',
      roles: 'pick one',
    })
  })
})
