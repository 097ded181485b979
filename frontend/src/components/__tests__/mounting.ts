/**
 * What the specs that mount a component share: the app's plugins, a router over stub pages, and
 * a composable run inside a mounted component.
 */
import { mount, type MountingOptions } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { defineComponent, h } from 'vue'
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

/** The element of the page (a dialog teleports out of its wrapper) whose test id is `id`. */
export const byTestid = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`)

/**
 * What `setup` (a composable, or a few) answers when run in the setup of a mounted component, so
 * its lifecycle hooks and injections work; `options.global` mounts it (with plugins, say).
 */
export function withSetup<T>(setup: () => T, options: Pick<MountingOptions<object>, 'global'> = {}): T {
  let made!: T
  mount(
    defineComponent(() => {
      made = setup()
      return () => h('div')
    }),
    options,
  )
  return made
}
