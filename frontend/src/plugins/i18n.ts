import messages from '@intlify/unplugin-vue-i18n/messages'
import { createI18n } from 'vue-i18n'

export const LOCALES = ['zh-CN', 'en'] as const
export type AppLocale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: AppLocale = 'zh-CN'
export const LOCALE_STORAGE_KEY = 'congress.locale'

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** The saved UI language; Chinese unless the user chose English before. */
export function storedLocale(): AppLocale {
  try {
    const saved = window.localStorage.getItem(LOCALE_STORAGE_KEY)
    return isAppLocale(saved) ? saved : DEFAULT_LOCALE
  } catch {
    return DEFAULT_LOCALE
  }
}

export const i18n = createI18n({
  legacy: false,
  globalInjection: true,
  locale: storedLocale(),
  fallbackLocale: DEFAULT_LOCALE,
  messages,
  missingWarn: false,
  fallbackWarn: false,
})

export function currentLocale(): AppLocale {
  const value = i18n.global.locale.value
  return isAppLocale(value) ? value : DEFAULT_LOCALE
}

/** Switch the UI language, remember it and tell assistive technology via <html lang>. */
export function applyLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale)
  } catch {
    // private mode: the choice lasts for this page only
  }
  document.documentElement.lang = locale
  tellServer(locale)
}

/**
 * Django's language cookie, so that what the browser fetches by itself (an Excel or PDF link)
 * comes in the UI's language too, not in the browser's; API calls also send Accept-Language.
 */
export function tellServer(locale: AppLocale = currentLocale()): void {
  document.cookie = `django_language=${acceptLanguage(locale)}; path=/; SameSite=Lax`
}

/** The Accept-Language value the backend understands for a UI locale. */
export function acceptLanguage(locale: AppLocale = currentLocale()): string {
  return locale === 'en' ? 'en' : 'zh-hans'
}

export const t = i18n.global.t
