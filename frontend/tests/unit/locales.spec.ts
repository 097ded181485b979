import { readdirSync, readFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

type Tree = { [key: string]: string | Tree }

/** Every `<name>.yaml` under src/locales (one per module folder), merged as the build merges
 * them; a key defined in two files is an error, since one would silently win. */
function load(name: string): Tree {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'locales')
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => basename(file) === `${name}.yaml`)
    .sort()
  const merged: Tree = {}
  for (const file of files) {
    const tree = parse(readFileSync(join(root, file), 'utf8')) as Tree
    for (const [key, value] of Object.entries(tree)) {
      if (key in merged) throw new Error(`${file}: top-level key ${key} is defined twice`)
      merged[key] = value
    }
  }
  return merged
}

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of flatten(value, path)) out.set(k, v)
  }
  return out
}

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('locales', () => {
  const zh = flatten(load('zh-CN'))
  const en = flatten(load('en'))

  it('zh-CN and en have exactly the same keys', () => {
    const onlyZh = [...zh.keys()].filter((k) => !en.has(k))
    const onlyEn = [...en.keys()].filter((k) => !zh.has(k))
    expect(onlyZh).toEqual([])
    expect(onlyEn).toEqual([])
    expect(zh.size).toBeGreaterThan(50)
  })

  it('every message is a non-empty string with the same placeholders in both languages', () => {
    for (const [key, message] of zh) {
      expect(message.trim(), `zh-CN ${key}`).not.toBe('')
      const other = en.get(key) ?? ''
      expect(other.trim(), `en ${key}`).not.toBe('')
      expect(placeholders(other), `placeholders of ${key}`).toEqual(placeholders(message))
    }
  })

  it('labels every role and level the API knows', () => {
    for (const role of [
      'system_admin',
      'security_admin',
      'audit_admin',
      'staff',
      'deputy',
      'unit',
      'party_reviewer',
      'teller',
    ]) {
      expect(zh.get(`enums.role.${role}`)).toBeTruthy()
    }
    expect(zh.get('enums.role.system_admin')).toBe('系统管理员')
    expect(zh.get('enums.role.teller')).toBe('监票计票人')
    expect(zh.get('enums.level.city')).toBe('市级')
    expect(zh.get('enums.level.county')).toBe('县级')
    expect(zh.get('enums.level.township')).toBe('乡镇')
    expect(zh.get('app.productName')).toBe('人大代表履职平台')
  })
})
