import { useI18n } from 'vue-i18n'

import { CATEGORIES } from '@/api/opinions'
import type { FormFieldSpec } from '@/components/formFields'
import { choices } from '@/utils/choices'

import { useOpinionLabels } from './useOpinionLabels'

/**
 * An opinion's category as a select in a form's field list: optional and clearable, each
 * category under its label, with the test id and any other attributes (placeholder, class) given.
 */
export function useCategoryField() {
  const { t } = useI18n()
  const labels = useOpinionLabels()
  return <M extends { category?: unknown }>(testid: string, attributes: Record<string, unknown> = {}) =>
    ({
      key: 'category',
      kind: 'select',
      label: t('opinions.form.category'),
      options: choices(CATEGORIES, labels.category),
      clearable: true,
      testid,
      ...attributes,
    }) as FormFieldSpec<M>
}
