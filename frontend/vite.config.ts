import { fileURLToPath, URL } from 'node:url'

import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'
import vue from '@vitejs/plugin-vue'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import Components from 'unplugin-vue-components/vite'
import { defineConfig } from 'vite'

const backend = process.env.CONGRESS_BACKEND ?? 'http://127.0.0.1:8000'

// Django (WhiteNoise) serves `dist/` under /static/ and answers every non-API path with
// dist/index.html, so the app is built for /static/ and routes in HTML5 history mode.
export default defineConfig({
  base: '/static/',
  plugins: [
    vue(),
    // Element Plus on demand: each page imports only the components its templates use (and
    // their directives, such as v-loading), so the deputy's ballot page does not load the
    // dashboard's tables and pickers. Styles stay one stylesheet (plugins/element-plus.ts).
    Components({ resolvers: [ElementPlusResolver({ importStyle: false })], dirs: [], dts: false }),
    VueI18nPlugin({
      include: [fileURLToPath(new URL('./src/locales/**', import.meta.url))],
      strictMessage: false,
      escapeHtml: true,
    }),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    // CONGRESS_FRONTEND_DIST: build elsewhere (a second checkout's tests), as Django reads it too.
    outDir: process.env.CONGRESS_FRONTEND_DIST ?? 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        advancedChunks: {
          groups: [
            {
              name: 'vue',
              test: /node_modules[\\/](@vue|vue|vue-router|pinia|vue-i18n|@intlify)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/auth': { target: backend, changeOrigin: false },
    },
  },
})
