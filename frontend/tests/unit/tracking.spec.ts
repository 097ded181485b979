import { afterEach, describe, expect, it } from 'vitest'

import { LARGE_TYPE_KEY, applyLargeType, largeType, setLargeType } from '@/utils/largeType'
import { parseTrackingCode, routeForCode } from '@/utils/tracking'

describe('the tracking box recognises a code', () => {
  it('takes a code as typed, in any case, with spaces, dashes or full-width forms', () => {
    expect(parseTrackingCode('ABCD2345')).toBe('ABCD2345')
    expect(parseTrackingCode(' abcd2345 ')).toBe('ABCD2345')
    expect(parseTrackingCode('ABCD-2345')).toBe('ABCD2345')
    expect(parseTrackingCode('ＡＢＣＤ　２３４５')).toBe('ABCD2345')
    expect(parseTrackingCode('查询码：ABCD2345')).toBe('ABCD2345')
  })

  it('refuses what cannot be a code', () => {
    expect(parseTrackingCode('')).toBeNull()
    expect(parseTrackingCode('ABCD234')).toBeNull() // too short
    expect(parseTrackingCode('ABCD23456')).toBeNull() // too long
    expect(parseTrackingCode('ABCD0123')).toBeNull() // 0 and 1 are never used
    expect(parseTrackingCode('ABCDIOL2')).toBeNull() // nor I, O, L
    expect(parseTrackingCode('路灯坏了路灯坏了')).toBeNull()
  })

  it('routes a proposal and an opinion to their own pages', () => {
    expect(routeForCode('proposal', 'ABCD2345')).toEqual({
      name: 'portal-track',
      params: { code: 'ABCD2345' },
    })
    expect(routeForCode('opinion', 'ABCD2345')).toEqual({
      name: 'portal-opinion-track',
      params: { code: 'ABCD2345' },
    })
  })
})

describe('the larger type', () => {
  afterEach(() => setLargeType(false))

  it('scales the root font size and remembers the choice', () => {
    setLargeType(true)
    expect(document.documentElement.style.fontSize).toBe('125%')
    expect(window.localStorage.getItem(LARGE_TYPE_KEY)).toBe('1')
    expect(largeType.value).toBe(true)
    setLargeType(false)
    expect(document.documentElement.style.fontSize).toBe('')
    expect(window.localStorage.getItem(LARGE_TYPE_KEY)).toBeNull()
    applyLargeType(true)
    expect(document.documentElement.classList.contains('large-type')).toBe(true)
  })
})
