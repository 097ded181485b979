import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { api, expandPath } from '@/api/client'
import { ApiError } from '@/api/http'
import { applyLocale } from '@/plugins/i18n'

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  })
}

let fetchMock: ReturnType<typeof vi.fn>

beforeEach(() => {
  applyLocale('zh-CN')
  document.cookie = 'csrftoken=tok; path=/'
  fetchMock = vi.fn()
  vi.stubGlobal('fetch', fetchMock)
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('typed client', () => {
  it('fills the path parameters from the schema path, escaped', () => {
    expect(expandPath('/api/v1/opinions/{id}/reply', { id: 7 })).toBe('opinions/7/reply')
    expect(expandPath('/api/v1/public/opinions/{code}', { code: 'A B/1' })).toBe('public/opinions/A%20B%2F1')
    expect(() => expandPath('/api/v1/opinions/{id}', {})).toThrow(/id/)
  })

  it('sends the query and returns the JSON the schema names', async () => {
    fetchMock.mockResolvedValueOnce(json(200, { count: 0, results: [] }))

    const page = await api.GET('/api/v1/opinions', { query: { page: 2, q: '' } })

    expect(page.count).toBe(0)
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit]
    expect(url).toBe('/api/v1/opinions?page=2')
    expect(init.method).toBe('GET')
  })

  it('posts the body as JSON with the CSRF header', async () => {
    fetchMock.mockResolvedValueOnce(json(200, { id: 3 }))

    await api.POST('/api/v1/opinions/{id}/reply', { path: { id: 3 }, body: { answer: '已答复' } })

    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit]
    expect(url).toBe('/api/v1/opinions/3/reply')
    expect(init.method).toBe('POST')
    expect(init.body).toBe(JSON.stringify({ answer: '已答复' }))
    expect((init.headers as Record<string, string>)['X-CSRFToken']).toBe('tok')
  })

  it('turns a refusal into an ApiError with its code, message and fields', async () => {
    fetchMock.mockResolvedValueOnce(
      json(400, { code: 'invalid', detail: '内容不能为空。', fields: { content: ['必填'] } }),
    )

    const failure = await api
      .POST('/api/v1/public/opinions', {
        body: { content: '', citizen_name: '张三', category: '' },
      })
      .catch((error: unknown) => error)

    expect(failure).toBeInstanceOf(ApiError)
    expect(failure).toMatchObject({ status: 400, code: 'invalid', fields: { content: ['必填'] } })
  })
})
