import skipFormatting from '@vue/eslint-config-prettier/skip-formatting'
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'
import pluginVue from 'eslint-plugin-vue'
import pluginVueA11y from 'eslint-plugin-vuejs-accessibility'
import globals from 'globals'

export default defineConfigWithVueTs(
  {
    name: 'app/files-to-lint',
    files: ['**/*.{ts,mts,tsx,vue}'],
  },
  {
    name: 'app/files-to-ignore',
    ignores: ['**/dist/**', '**/coverage/**', 'src/api/schema.d.ts'],
  },
  pluginVue.configs['flat/recommended'],
  vueTsConfigs.recommended,
  ...pluginVueA11y.configs['flat/recommended'],
  {
    name: 'app/rules',
    rules: {
      'vue/multi-word-component-names': 'off',
      // Element Plus form items render the <label for=...> for their inputs.
      'vuejs-accessibility/label-has-for': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Our components are imported where they are used; only Element Plus and the router's
      // are global. vue-tsc does not flag an unknown tag, so this does.
      'vue/no-undef-components': [
        'error',
        { ignorePatterns: ['^el-', '^router-', '^transition', '^keep-alive', '^component$'] },
      ],
    },
  },
  {
    name: 'app/node-scripts',
    files: ['scripts/**/*.mjs', '*.config.js'],
    languageOptions: { globals: globals.node },
  },
  skipFormatting,
)
