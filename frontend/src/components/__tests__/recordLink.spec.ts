import { describe, expect, it } from 'vitest'

import { recordLink } from '@/components/recordLink'

describe('recordLink', () => {
  it("links a row to its record's page by id, under a test id ending in the id", () => {
    expect(recordLink('station-detail', 'station-link')({ id: 7 })).toEqual({
      to: { name: 'station-detail', params: { id: 7 } },
      testid: 'station-link-7',
    })
  })
})
