import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h, reactive } from 'vue'

import type { RuleField, RuleSource } from '@/api/voting'
import { applyLocale, i18n } from '@/plugins/i18n'
import { DEFAULT_RULES, ruleSetCopy } from '@/views/voting/ruleForm'
import RuleSetFields from '@/views/voting/rules/RuleSetFields.vue'

beforeEach(() => {
  setActivePinia(createPinia())
  applyLocale('zh-CN')
})

const FROM_COUNTY = '上级 某县人大常委会《某县实施办法》'

function source(field: RuleField, locked: boolean, own = false): RuleSource {
  return {
    field,
    source: own ? 'own' : 'template',
    label: own ? '本级' : FROM_COUNTY,
    locked,
    locked_by: locked ? FROM_COUNTY : '',
  }
}

function mountFields(props: Record<string, unknown>, state = reactive({ locked: [] as RuleField[] })) {
  const rules = reactive(ruleSetCopy(DEFAULT_RULES))
  const Host = defineComponent({
    setup: () => () =>
      h('form', [
        h(RuleSetFields, {
          rules,
          locked: state.locked,
          'onUpdate:locked': (next: RuleField[]) => (state.locked = next),
          ...props,
        }),
      ]),
  })
  return { wrapper: mount(Host, { global: { plugins: [ElementPlus, i18n] } }), state }
}

describe('the rule set fields', () => {
  it('disable what a template above locks and say where each rule comes from', () => {
    const sources = [source('seats', false, true), source('quorum', true), source('thresholds', true)]
    const { wrapper } = mountFields({ sources })

    expect(wrapper.get('[data-testid=rules-quorum-numerator] input').attributes('disabled')).toBeDefined()
    expect(wrapper.get('[data-testid=rules-threshold-0-numerator] input').attributes('disabled')).toBeDefined()
    expect(wrapper.find('[data-testid=rules-threshold-add]').exists()).toBe(false)
    expect(wrapper.get('[data-testid=rules-seats] input').attributes('disabled')).toBeUndefined()
    expect(wrapper.get('[data-testid=rules-source-seats]').text()).toBe('本级')
    expect(wrapper.get('[data-testid=rules-source-quorum]').text()).toContain(FROM_COUNTY)
    expect(wrapper.find('[data-testid=rules-locked-quorum]').exists()).toBe(true)
    expect(wrapper.find('[data-testid=rules-locked-seats]').exists()).toBe(false)
  })

  it('offer a box per rule to lock it below when a template is written', async () => {
    const { wrapper, state } = mountFields({ lockable: true })

    await wrapper.get('[data-testid=template-lock-quorum] input').setValue(true)
    await wrapper.get('[data-testid=template-lock-seats] input').setValue(true)
    expect(state.locked).toEqual(['quorum', 'seats'])
    await wrapper.get('[data-testid=template-lock-quorum] input').setValue(false)
    expect(state.locked).toEqual(['seats'])
    expect(wrapper.find('[data-testid=rules-source-quorum]').exists()).toBe(false)
  })
})
