import { beforeEach, describe, expect, it, vi } from 'vitest'

import { withSetup } from '@/components/__tests__/mounting'

import { useTerms } from '../useTerms'

const api = vi.hoisted(() => ({
  listTerms: vi.fn(),
  openTerm: vi.fn(),
  closeTerm: vi.fn(),
  addTermSession: vi.fn(),
}))
vi.mock('@/api/deputies', () => api)

const mountTerms = () => withSetup(useTerms)

beforeEach(() => {
  vi.clearAllMocks()
  api.listTerms.mockResolvedValue([])
  api.openTerm.mockResolvedValue({})
})

describe('useTerms', () => {
  it('sends only the session days given: a row left empty or cleared (null) is left out', async () => {
    const view = mountTerms()
    view.startOpen()
    Object.assign(view.form, { number: 18, starts_on: '2026-01-01', ends_on: '2030-12-31' })
    view.form.sessions = ['2026-01-15', null, '']
    expect(await view.submitOpen()).toBe(true)
    expect(api.openTerm).toHaveBeenCalledWith(expect.objectContaining({ number: 18, sessions: ['2026-01-15'] }))
  })
})
