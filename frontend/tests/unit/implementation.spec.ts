import { describe, expect, it } from 'vitest'

import { isoToday } from '@/api/implementation'
import { boardMode } from '@/views/implementation/board/useBoard'
import { midyearStage } from '@/views/implementation/midyear/useMidyear'
import { reportBody } from '@/views/implementation/report/useReport'

describe('implementation board', () => {
  it('lets staff manage, deputies read and a unit report', () => {
    expect(boardMode(['staff', 'deputy'])).toBe('staff')
    expect(boardMode(['deputy'])).toBe('deputy')
    expect(boardMode(['unit'])).toBe('unit')
    expect(boardMode(['deputy', 'unit'])).toBe('deputy')
  })
})

describe('progress report body', () => {
  const draft = { percent: 60, text: '  主体完工 ', spent: '', overspendNote: '超支原因' }

  it('sends percent, trimmed text and photo ids, and no funds when none are entered', () => {
    expect(reportBody(draft, [3, 4])).toEqual({ percent: 60, text: '主体完工', photo_ids: [3, 4] })
  })

  it('sends the spending and its explanation only together', () => {
    expect(reportBody({ ...draft, spent: ' 120.5 ' }, [])).toEqual({
      percent: 60,
      text: '主体完工',
      photo_ids: [],
      funds_spent: '120.5',
      overspend_note: '超支原因',
    })
  })
})

describe('isoToday', () => {
  it('writes the local date as the API does', () => {
    expect(isoToday(new Date(2027, 0, 5, 23, 30))).toBe('2027-01-05')
  })
})

describe('mid-year report stage', () => {
  const heard = {
    id: 1,
    title: '上半年实施情况',
    body: '两个项目均已开工。',
    heard_on: '2027-07-10',
    opinions: '',
    opinions_on: null,
    answer: '',
    answered_on: null,
  }

  it('follows the report from not yet heard to answered', () => {
    expect(midyearStage(null)).toBe('none')
    expect(midyearStage(heard)).toBe('heard')
    expect(midyearStage({ ...heard, opinions: '加快进度', opinions_on: '2027-07-10' })).toBe('reviewed')
    expect(
      midyearStage({
        ...heard,
        opinions: '加快进度',
        opinions_on: '2027-07-10',
        answer: '已部署',
        answered_on: '2027-08-01',
      }),
    ).toBe('answered')
  })
})
