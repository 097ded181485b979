import { ElMessage } from 'element-plus'
import { computed, ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'

import { ApiError, errorMessage } from '@/api/http'
import {
  getRoll,
  importRollSheet,
  listDeputyCards,
  markRoll,
  markRollByCard,
  unmarkRollCall,
  type DeputyCard,
  type Meeting,
  type Roll,
  type RollEntry,
  type SheetRow,
} from '@/api/voting'

import { useAction } from '@/composables/useAction'
import { useResource } from '@/composables/useResource'

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
  const { data: roll, error, load } = useResource<Roll | null>(() => getRoll(cycleId.value, meeting), null)
  const filter = ref('')
  const selected = ref<number[]>([])
  const write = useAction(errorMessage, { error })
  const sheet = ref<File | null>(null)
  const sheetRows = ref<SheetRow[]>([])
  const card = ref('')
  const cardResult = ref('')

  const open = computed(() => roll.value !== null && roll.value.closed_reason === '')
  const shown = computed(() => filterRoll(roll.value?.deputies ?? [], filter.value))

  /** Runs a mark, then reloads the roll and tells the page; answers what it returned, or null. */
  async function act<T>(work: () => Promise<T>): Promise<T | null> {
    let done: T | null = null
    const ok = await write.run(async () => {
      done = await work()
      await load()
      changed()
    })
    return ok ? done : null
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
    const done = await act(() =>
      importRollSheet(cycleId.value, meeting, file).catch((failure: unknown) => {
        sheetRows.value = refusedRows(failure)
        throw failure
      }),
    )
    if (done) {
      sheetRows.value = done.rows
      ElMessage.success(t('voting.roll.marked', { n: done.marked.length }))
    }
  }

  /** The deputies' sign-in cards, to print; a failure shows on the roll's error line. */
  const cards = ref<DeputyCard[]>([])
  const cardsOpen = ref(false)
  const cardsAction = useAction(errorMessage, { error })
  async function showCards() {
    await cardsAction.run(async () => {
      cards.value = await listDeputyCards(cycleId.value)
      cardsOpen.value = true
    })
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

  return {
    roll,
    open,
    shown,
    filter,
    selected,
    error,
    busy: write.busy,
    sheet,
    sheetRows,
    card,
    cardResult,
    load,
    markSelected,
    unmark,
    importSheet,
    scan,
    cards,
    cardsOpen,
    showCards,
  }
}
