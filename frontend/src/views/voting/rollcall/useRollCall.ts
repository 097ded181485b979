import { ElMessage } from 'element-plus'
import { computed, onMounted, ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'

import { ApiError, errorMessage } from '@/api/http'
import {
  getRoll,
  importRollSheet,
  markRoll,
  markRollByCard,
  unmarkRollCall,
  type Meeting,
  type Roll,
  type RollEntry,
  type SheetRow,
} from '@/api/voting'

import { confirmAct } from '../confirm'

/** The deputies a filter text names: by name, number, delegation or constituency. */
export function filterRoll(deputies: readonly RollEntry[], text: string): RollEntry[] {
  const wanted = text.trim()
  if (!wanted) return [...deputies]
  return deputies.filter(
    (d) =>
      d.name.includes(wanted) ||
      String(d.id) === wanted ||
      d.delegation.includes(wanted) ||
      d.constituency.includes(wanted),
  )
}

/** The rows of a refused sheet import (the 400's body), or none. */
export function refusedRows(failure: unknown): SheetRow[] {
  if (!(failure instanceof ApiError)) return []
  const rows = failure.body.rows
  return Array.isArray(rows) ? (rows as SheetRow[]) : []
}

/** 点名签到: staff tick the deputies present, import the signed sheet, or scan a card at the
 * door. Each way records attendance as the deputy's own sign-in does; once the first round has
 * opened the roll is closed and says why. `changed` is called after every mark so the page
 * around it refreshes its 实到. */
export function useRollCall(cycleId: Ref<number>, meeting: Meeting, changed: () => void) {
  const { t } = useI18n()
  const roll = ref<Roll | null>(null)
  const filter = ref('')
  const selected = ref<number[]>([])
  const error = ref('')
  const busy = ref(false)
  const sheet = ref<File | null>(null)
  const sheetRows = ref<SheetRow[]>([])
  const card = ref('')
  const cardResult = ref('')

  const open = computed(() => roll.value !== null && roll.value.closed_reason === '')
  const shown = computed(() => filterRoll(roll.value?.deputies ?? [], filter.value))

  async function load() {
    try {
      roll.value = await getRoll(cycleId.value, meeting)
      error.value = ''
    } catch (failure) {
      error.value = errorMessage(failure)
    }
  }

  async function act<T>(work: () => Promise<T>): Promise<T | null> {
    busy.value = true
    error.value = ''
    try {
      const done = await work()
      await load()
      changed()
      return done
    } catch (failure) {
      error.value = errorMessage(failure)
      return null
    } finally {
      busy.value = false
    }
  }

  async function markSelected() {
    if (selected.value.length === 0) {
      error.value = t('voting.roll.noneSelected')
      return
    }
    const done = await act(() => markRoll(cycleId.value, meeting, selected.value))
    if (done) {
      selected.value = []
      ElMessage.success(t('voting.roll.marked', { n: done.marked.length }))
    }
  }

  /** 撤销签到: a deputy marked present by mistake, before the vote opens. */
  async function unmark(deputy: RollEntry) {
    const ok = await confirmAct(
      t('voting.roll.unmarkConfirm', { name: deputy.name }),
      t('voting.confirmTitle'),
      t('voting.roll.unmark'),
      t('common.cancel'),
    )
    if (!ok) return
    const done = await act(() => unmarkRollCall(cycleId.value, deputy.id, meeting))
    if (done) ElMessage.success(t('voting.roll.unmarked', { name: deputy.name }))
  }

  async function importSheet() {
    if (!sheet.value) {
      error.value = t('voting.roll.sheetRequired')
      return
    }
    const file = sheet.value
    sheetRows.value = []
    busy.value = true
    error.value = ''
    try {
      const done = await importRollSheet(cycleId.value, meeting, file)
      sheetRows.value = done.rows
      ElMessage.success(t('voting.roll.marked', { n: done.marked.length }))
      await load()
      changed()
    } catch (failure) {
      error.value = errorMessage(failure)
      sheetRows.value = refusedRows(failure)
    } finally {
      busy.value = false
    }
  }

  async function scan() {
    const token = card.value.trim()
    card.value = ''
    if (!token) return
    cardResult.value = ''
    const done = await act(() => markRollByCard(cycleId.value, meeting, token))
    if (done)
      cardResult.value = t(done.marked.length ? 'voting.roll.cardMarked' : 'voting.roll.cardAgain', {
        name: done.deputy_name ?? '',
      })
  }

  onMounted(load)
  return {
    roll,
    open,
    shown,
    filter,
    selected,
    error,
    busy,
    sheet,
    sheetRows,
    card,
    cardResult,
    load,
    markSelected,
    unmark,
    importSheet,
    scan,
  }
}
