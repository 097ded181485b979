import { createPinia } from 'pinia'
import { createApp } from 'vue'

import App from './App.vue'
import { installElementPlus } from './plugins/element-plus'
import { currentLocale, i18n, tellServer } from './plugins/i18n'
import { createAppRouter } from './router'
import { applyLargeType } from './utils/largeType'

document.documentElement.lang = currentLocale()
tellServer()
applyLargeType()

const app = createApp(App)
app.use(createPinia())
app.use(i18n)
installElementPlus(app)
app.use(createAppRouter())
app.mount('#app')
