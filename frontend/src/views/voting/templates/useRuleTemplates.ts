import { computed, reactive, watch } from 'vue'
import { useI18n } from 'vue-i18n'

import {
  getRulesTemplate,
  issueRuleTemplate,
  listRuleTemplates,
  listRuleTemplateUses,
  type RuleField,
  type RuleTemplate,
  type RuleTemplateUse,
  type RulesTemplate,
} from '@/api/voting'
import { useAction } from '@/composables/useAction'
import { useResources } from '@/composables/useResource'
import { useSessionStore } from '@/stores/session'

import { DEFAULT_RULES, ruleSetCopy } from '../ruleForm'

/** 票决规则模板: write this congress's template (from the current one, keeping what is locked from
 * above), the templates it has, and which template each congress below started from. */
export function useRuleTemplates() {
  const { t } = useI18n()
  const session = useSessionStore()
  const form = reactive({ name: '', rules: ruleSetCopy(DEFAULT_RULES), locked: [] as RuleField[] })
  const save = useAction()
  /** A township has no congress below it to issue to or to hear from. */
  const hasBelow = computed(() => session.congress?.level !== 'township')
  const {
    parts: { templates, start, uses },
    loading,
    error,
    load,
  } = useResources(
    {
      templates: listRuleTemplates,
      start: getRulesTemplate,
      uses: async () => (hasBelow.value ? listRuleTemplateUses() : []),
    },
    { templates: [] as RuleTemplate[], start: null as RulesTemplate | null, uses: [] as RuleTemplateUse[] },
  )
  /** The form starts from the current rules, keeping what is locked from above. */
  watch(start, (current) => {
    if (!current) return
    form.rules = ruleSetCopy(current.rules)
    form.locked = [...(current.template?.locked ?? [])]
  })

  async function issue(): Promise<boolean> {
    const ok = await save.run(
      () => issueRuleTemplate({ name: form.name.trim(), rules: form.rules, locked: form.locked }),
      t('ruleTemplates.issued'),
    )
    if (ok) {
      form.name = ''
      await load()
    }
    return ok
  }

  const fieldError = (name: string) => save.fields.value[name]?.join(' ') || undefined

  /** What a congress below started its newest cycle from, in words. */
  function usedLabel(use: RuleTemplateUse): string {
    if (use.year === null) return t('ruleTemplates.noCycle')
    if (!use.template_name) return t('ruleTemplates.noTemplate')
    return use.own
      ? t('ruleTemplates.ownTemplate', { name: use.template_name })
      : t('ruleTemplates.aboveTemplate', { issuer: use.template_issuer, name: use.template_name })
  }

  return {
    templates,
    uses,
    loading,
    error,
    form,
    save,
    hasBelow,
    issue,
    fieldError,
    usedLabel,
  }
}
