/**
 * The one tracking box of the public portal. Proposals (项目建议) and constituents' opinions
 * (群众意见) are both answered with an 8-character code drawn from the same alphabet (no 0, 1, I,
 * L or O, so that it reads back unambiguously); `parseTrackingCode` recognises one in what a
 * reader typed or pasted, and the server says whose it is (`GET public/track/<code>`), so the box
 * can send the reader to the proposal's or the opinion's page.
 */
import type { RouteLocationRaw } from 'vue-router'

export const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const TRACKING_LENGTH = 8
const CODE = new RegExp(`^[${TRACKING_ALPHABET}]{${TRACKING_LENGTH}}$`)
// What a code is often wrapped in: spaces, dashes, the full-width forms a Chinese IME gives.
const NOISE = /[\s\-_·.。，,：:]/g

export type TrackingKind = 'proposal' | 'opinion'

/** The code in `text`, normalised (upper case, full-width folded, separators dropped), or null
 * when it cannot be one: wrong length, or a character no code contains. */
export function parseTrackingCode(text: string): string | null {
  const folded = text
    .normalize('NFKC')
    .replace(/^.*?(查询码|code)\s*[：:]?/i, '')
    .replace(NOISE, '')
    .toUpperCase()
  return CODE.test(folded) ? folded : null
}

/** The page that shows a code of `kind`. */
export function routeForCode(kind: TrackingKind, code: string): RouteLocationRaw {
  return kind === 'proposal'
    ? { name: 'portal-track', params: { code } }
    : { name: 'portal-opinion-track', params: { code } }
}
