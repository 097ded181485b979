import type { ButtonType } from 'element-plus'
import type { Component } from 'vue'

/**
 * One button of an ActionButtons row: its text and what a click does, and what else it sets.
 * An entry with `show: false` is left out (a button the row's record or the reader's role does
 * not offer).
 */
export interface ActionButton {
  /** What tells the entry from its neighbours when the row is drawn again (else its test id). */
  key?: string
  label: string
  onClick?: () => unknown
  show?: boolean
  type?: ButtonType
  testid?: string
  icon?: Component
  loading?: boolean
  disabled?: boolean
  plain?: boolean
  /** A hint shown on hover. */
  title?: string
  class?: string
  /** With `href`, `tag: 'a'` makes the button a link that downloads or leaves the page. */
  tag?: string
  href?: string
}
