/** What the specs that mount a component share: the app's plugins, and a router over stub pages. */
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'

import { i18n } from '@/plugins/i18n'

/** Element Plus and the translations, as the app installs them. */
export const uiPlugins = () => [ElementPlus, i18n]

/** A memory router whose routes are the paths given by name, each an empty page. */
export function stubRouter(paths: Record<string, string>): Router {
  return createRouter({
    history: createMemoryHistory(),
    routes: Object.entries(paths).map(([name, path]) => ({ name, path, component: { render: () => null } })),
  })
}
