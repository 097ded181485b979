import { describe, expect, it } from 'vitest'

import { ApiError } from '@/api/http'
import type { PaperIssueEntry, RollEntry } from '@/api/voting'
import { issueOrder } from '@/views/voting/chair/usePaperBallots'
import { filterRoll, refusedRows } from '@/views/voting/rollcall/useRollCall'

const entry = (id: number, name: string, present = false): RollEntry => ({
  id,
  name,
  delegation: id % 2 ? '第一代表小组' : '第二代表小组',
  constituency: `第${id}选区`,
  present,
})

describe('the roll call', () => {
  const roll = [entry(1, '王芳'), entry(2, '李强', true), entry(13, '王强')]

  it('finds deputies by name, exact number, delegation or constituency', () => {
    expect(filterRoll(roll, '王').map((d) => d.id)).toEqual([1, 13])
    expect(filterRoll(roll, '2').map((d) => d.id)).toEqual([2])
    expect(filterRoll(roll, '第二代表小组').map((d) => d.id)).toEqual([2])
    expect(filterRoll(roll, '第13选区').map((d) => d.id)).toEqual([13])
    expect(filterRoll(roll, '  ')).toHaveLength(3)
  })

  it("reads a refused sheet's rows from the 400 and nothing from other failures", () => {
    const rows = [{ row: 2, name: '张三', number: '', status: 'unknown', message: 'x', deputy_id: null }]
    const refused = new ApiError(400, 'roll_call_sheet_unmatched', '未导入', {}, { rows })
    expect(refusedRows(refused)).toEqual(rows)
    expect(refusedRows(new ApiError(400, 'import_file_invalid', 'x'))).toEqual([])
    expect(refusedRows(new Error('boom'))).toEqual([])
  })

  it('lists those who may take a paper ballot first, the absent last', () => {
    const list: PaperIssueEntry[] = [
      { ...entry(1, '缺席'), took_part: null },
      { ...entry(2, '已领', true), took_part: 'paper' },
      { ...entry(3, '可领', true), took_part: null },
    ]
    expect(issueOrder(list).map((d) => d.name)).toEqual(['可领', '已领', '缺席'])
  })
})
