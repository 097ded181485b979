import { reactive, ref } from 'vue'

import { createCycle, getRulesTemplate, type RulesTemplate } from '@/api/voting'
import { useAction } from '@/composables/useAction'

/** 新建年度票决: the year, its title and seats; the rest of the rule set comes from the template
 * (the congress's last cycle, or common practice) and is adjusted on the cycle's page. */
export function useNewCycle() {
  const open = ref(false)
  const template = ref<RulesTemplate | null>(null)
  const form = reactive({ year: new Date().getFullYear(), title: '', seats: 10 })
  const save = useAction()

  async function start() {
    save.error.value = ''
    save.fields.value = {}
    template.value = null
    form.year = new Date().getFullYear()
    form.title = ''
    open.value = true
    await save.run(async () => {
      template.value = await getRulesTemplate()
      form.seats = template.value.rules.seats
    })
  }

  async function submit(): Promise<number | null> {
    const rules = template.value?.rules
    if (!rules) return null
    let id: number | null = null
    const ok = await save.run(async () => {
      const cycle = await createCycle({
        year: form.year,
        title: form.title,
        seats: form.seats,
        rules: { ...rules, seats: form.seats },
      })
      id = cycle.id
    })
    if (ok) open.value = false
    return id
  }

  return { open, template, form, save, start, submit }
}
