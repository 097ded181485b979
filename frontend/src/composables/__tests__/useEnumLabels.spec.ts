import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'

import { i18n } from '@/plugins/i18n'

import { useEnumLabels } from '../useEnumLabels'

describe('useEnumLabels', () => {
  it("labels each named enum's values from the catalog, '—' for none and the raw value else", () => {
    let labels!: ReturnType<typeof useEnumLabels<'phase' | 'roundKind'>>
    mount(
      defineComponent({
        setup() {
          labels = useEnumLabels('votingEnums', ['phase', 'roundKind'])
          return () => h('div')
        },
      }),
      { global: { plugins: [i18n] } },
    )
    expect(Object.keys(labels)).toEqual(['phase', 'roundKind'])
    expect(labels.phase('vote')).toBe(i18n.global.t('votingEnums.phase.vote'))
    expect(labels.phase('vote')).not.toBe('vote')
    expect(labels.phase(null)).toBe('—')
    expect(labels.roundKind('no-such-kind')).toBe('no-such-kind')
  })
})
