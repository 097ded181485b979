import { computed, reactive } from 'vue'
import { useI18n } from 'vue-i18n'

import {
  getRulesTemplate,
  issueRuleTemplate,
  listRuleTemplates,
  listRuleTemplateUses,
  type RuleField,
  type RuleTemplate,
  type RuleTemplateUse,
} from '@/api/voting'
import { useAction } from '@/composables/useAction'
import { useResource } from '@/composables/useResource'
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
  const page = useResource(
    async () => {
      const [templates, start, uses] = await Promise.all([
        listRuleTemplates(),
        getRulesTemplate(),
        hasBelow.value ? listRuleTemplateUses() : Promise.resolve([]),
      ])
      form.rules = ruleSetCopy(start.rules)
      form.locked = [...(start.template?.locked ?? [])]
      return { templates, uses }
    },
    { templates: [] as RuleTemplate[], uses: [] as RuleTemplateUse[] },
  )
  const { loading, error, load } = page

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
    templates: computed(() => page.data.value.templates),
    uses: computed(() => page.data.value.uses),
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
