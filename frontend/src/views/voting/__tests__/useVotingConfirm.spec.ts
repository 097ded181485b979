import { mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'

import { applyLocale, i18n } from '@/plugins/i18n'

import { confirmAct } from '../confirm'
import { useVotingConfirm } from '../useVotingConfirm'

vi.mock('../confirm', () => ({ confirmAct: vi.fn() }))

/** The helper as a page has it, made in a component's setup. */
function withConfirm() {
  let confirm!: ReturnType<typeof useVotingConfirm>
  const Page = { setup: () => ((confirm = useVotingConfirm()), () => null) }
  mount(Page, { global: { plugins: [i18n] } })
  return confirm
}

describe('useVotingConfirm', () => {
  beforeEach(() => applyLocale('zh-CN'))

  it('asks under the voting title with 取消 beside the act, and answers the reply', async () => {
    vi.mocked(confirmAct).mockResolvedValue(false)
    const confirm = withConfirm()
    expect(await confirm('确定关闭本轮投票？', '关闭本轮')).toBe(false)
    expect(confirmAct).toHaveBeenCalledWith(
      '确定关闭本轮投票？',
      i18n.global.t('voting.confirmTitle'),
      '关闭本轮',
      i18n.global.t('common.cancel'),
    )
    vi.mocked(confirmAct).mockResolvedValue(true)
    expect(await confirm('确定？', '发布')).toBe(true)
  })
})
