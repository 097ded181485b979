import { defineStore } from 'pinia'
import { ref } from 'vue'

import { applyLocale, currentLocale, type AppLocale } from '@/plugins/i18n'

export const PHONE_QUERY = '(max-width: 768px)'

export const useAppStore = defineStore('app', () => {
  const locale = ref<AppLocale>(currentLocale())
  const isPhone = ref(false)
  const sidebarCollapsed = ref(false)
  const drawerOpen = ref(false)

  function setLocale(next: AppLocale) {
    applyLocale(next)
    locale.value = next
  }

  function toggleLocale() {
    setLocale(locale.value === 'en' ? 'zh-CN' : 'en')
  }

  /** The header's menu button: a drawer on phones, a narrow sidebar on desks. */
  function toggleMenu() {
    if (isPhone.value) drawerOpen.value = !drawerOpen.value
    else sidebarCollapsed.value = !sidebarCollapsed.value
  }

  function watchViewport() {
    if (typeof window.matchMedia !== 'function') return
    const query = window.matchMedia(PHONE_QUERY)
    const update = () => {
      isPhone.value = query.matches
      if (!query.matches) drawerOpen.value = false
    }
    update()
    query.addEventListener('change', update)
  }

  return {
    locale,
    isPhone,
    sidebarCollapsed,
    drawerOpen,
    setLocale,
    toggleLocale,
    toggleMenu,
    watchViewport,
  }
})
