import 'element-plus/dist/index.css'
import '@/styles/theme.css'
import '@/styles/base.css'

import ElementPlus from 'element-plus'
import en from 'element-plus/es/locale/lang/en'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import type { App } from 'vue'

import type { AppLocale } from './i18n'

export const elementLocales = { 'zh-CN': zhCn, en } satisfies Record<AppLocale, unknown>

export function installElementPlus(app: App): void {
  app.use(ElementPlus)
}
