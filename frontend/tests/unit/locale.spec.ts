import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'

import { acceptLanguage, i18n, LOCALE_STORAGE_KEY, storedLocale } from '@/plugins/i18n'
import { useAppStore } from '@/stores/app'

beforeEach(() => {
  setActivePinia(createPinia())
  window.localStorage.clear()
  useAppStore().setLocale('zh-CN')
})

describe('language switch', () => {
  it('toggles between Chinese and English, remembers the choice and sets <html lang>', () => {
    const app = useAppStore()
    app.toggleLocale()
    expect(app.locale).toBe('en')
    expect(i18n.global.locale.value).toBe('en')
    expect(document.documentElement.lang).toBe('en')
    expect(window.localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en')
    expect(storedLocale()).toBe('en')
    expect(acceptLanguage()).toBe('en')
    expect(i18n.global.t('menu.deputies')).toBe('Deputy roster')
    // Downloads the browser fetches by itself (Excel, PDF) follow the UI's language too.
    expect(document.cookie).toContain('django_language=en')

    app.toggleLocale()
    expect(app.locale).toBe('zh-CN')
    expect(document.documentElement.lang).toBe('zh-CN')
    expect(window.localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('zh-CN')
    expect(acceptLanguage()).toBe('zh-hans')
    expect(i18n.global.t('menu.deputies')).toBe('代表名册')
    expect(document.cookie).toContain('django_language=zh-hans')
  })

  it('starts in Chinese unless a valid choice was saved', () => {
    window.localStorage.clear()
    expect(storedLocale()).toBe('zh-CN')
    window.localStorage.setItem(LOCALE_STORAGE_KEY, 'fr')
    expect(storedLocale()).toBe('zh-CN')
    window.localStorage.setItem(LOCALE_STORAGE_KEY, 'en')
    expect(storedLocale()).toBe('en')
  })
})
