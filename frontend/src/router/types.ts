import 'vue-router'

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title (also used in <title>). */
    titleKey?: string
    /** Reachable without logging in. */
    public?: boolean
  }
}

export {}
