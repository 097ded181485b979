import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { reactive } from 'vue'

import type { Share, Threshold } from '@/api/voting'
import { uiPlugins } from '@/components/__tests__/mounting'

import ShareInput from '../rules/ShareInput.vue'

function render(share: Share | Threshold, testid: string) {
  return mount(ShareInput, {
    props: { modelValue: share, testid, numeratorLabel: '分子', denominatorLabel: '分母' },
    global: { plugins: uiPlugins() },
  })
}

describe('ShareInput', () => {
  it("draws a threshold's base before its comparison and sets the one chosen in place", async () => {
    const threshold = reactive({
      base: 'present',
      numerator: 1,
      denominator: 2,
      comparison: 'more_than',
    }) as Threshold
    const wrapper = render(threshold, 'rules-threshold-0')
    const groups = wrapper.findAll('.el-radio-group')
    expect(groups.map((group) => group.attributes('data-testid'))).toEqual([
      'rules-threshold-0-base',
      'rules-threshold-0-comparison',
    ])
    await groups[0]!.findAll('input')[0]!.setValue(true)
    expect(threshold.base).toBe('entitled')
    await groups[1]!.findAll('input')[1]!.setValue(true)
    expect(threshold.comparison).toBe('at_least')
    expect(wrapper.find('[data-testid=rules-threshold-0-numerator]').exists()).toBe(true)
  })

  it('draws only the comparison for a share without a base, such as the quorum', () => {
    const wrapper = render({ numerator: 1, denominator: 2, comparison: 'at_least' }, 'rules-quorum')
    expect(wrapper.findAll('.el-radio-group').map((group) => group.attributes('data-testid'))).toEqual([
      'rules-quorum-comparison',
    ])
  })
})
