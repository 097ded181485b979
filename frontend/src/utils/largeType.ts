/**
 * The portal's larger type for older readers (长辈模式): a toggle kept in localStorage that scales
 * the root font size, so everything sized in rem grows with it.
 */
import { ref } from 'vue'

export const LARGE_TYPE_KEY = 'congress.largeType'
export const LARGE_TYPE_SCALE = '125%'

function saved(): boolean {
  try {
    return window.localStorage.getItem(LARGE_TYPE_KEY) === '1'
  } catch {
    return false
  }
}

export const largeType = ref(saved())

export function applyLargeType(on: boolean = largeType.value): void {
  document.documentElement.style.fontSize = on ? LARGE_TYPE_SCALE : ''
  document.documentElement.classList.toggle('large-type', on)
}

export function setLargeType(on: boolean): void {
  largeType.value = on
  try {
    if (on) window.localStorage.setItem(LARGE_TYPE_KEY, '1')
    else window.localStorage.removeItem(LARGE_TYPE_KEY)
  } catch {
    // private browsing: the choice holds for this page only
  }
  applyLargeType(on)
}
