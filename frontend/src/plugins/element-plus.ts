import 'element-plus/dist/index.css'
import '@/styles/theme.css'
import '@/styles/base.css'

import en from 'element-plus/es/locale/lang/en'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import type { App } from 'vue'

import type { AppLocale } from './i18n'

export const elementLocales = { 'zh-CN': zhCn, en } satisfies Record<AppLocale, unknown>

/** Components and directives are imported where templates use them (vite.config.ts); nothing
 * is registered globally, so a page's bundle holds only what it shows. */
export function installElementPlus(app: App): void {
  void app
}
