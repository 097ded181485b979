import { mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it } from 'vitest'
import { defineComponent } from 'vue'

import { CATEGORIES } from '@/api/opinions'
import type { FormFieldSpec } from '@/components/formFields'
import { applyLocale, i18n } from '@/plugins/i18n'
import { useCategoryField } from '@/views/opinions/useCategoryField'

beforeEach(() => applyLocale('zh-CN'))

function field(testid: string, attributes?: Record<string, unknown>): FormFieldSpec {
  let spec: FormFieldSpec | undefined
  mount(
    defineComponent({
      setup() {
        spec = useCategoryField()(testid, attributes)
        return () => null
      },
    }),
    { global: { plugins: [i18n] } },
  )
  return spec!
}

describe('useCategoryField', () => {
  it('is an optional select of every category under its label', () => {
    const spec = field('collect-category')
    expect(spec).toMatchObject({
      key: 'category',
      kind: 'select',
      label: i18n.global.t('opinions.form.category'),
      clearable: true,
      testid: 'collect-category',
    })
    expect(spec.required).toBeUndefined()
    expect(spec.options?.map((choice) => choice.value)).toEqual([...CATEGORIES])
    expect(spec.options?.[0]?.label).toBe(i18n.global.t(`opinions.category.${CATEGORIES[0]}`))
  })

  it('takes the attributes a page adds', () => {
    expect(field('portal-opinion-category', { placeholder: '可不选', class: 'portal-select' })).toMatchObject({
      placeholder: '可不选',
      class: 'portal-select',
    })
  })
})
