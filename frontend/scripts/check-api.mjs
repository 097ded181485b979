// Regenerate the API types into a temporary file and fail when they differ from the committed
// src/api/schema.d.ts (run `npm run gen:api` and commit the result to fix).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const spec = resolve(root, '../api/openapi.yaml')
const committed = resolve(root, 'src/api/schema.d.ts')
const dir = mkdtempSync(join(tmpdir(), 'check-api-'))
const fresh = join(dir, 'schema.d.ts')
try {
  const bin = resolve(root, 'node_modules/.bin/openapi-typescript')
  execFileSync(bin, [spec, '-o', fresh], { stdio: ['ignore', 'ignore', 'inherit'] })
  let before
  try {
    before = readFileSync(committed, 'utf8')
  } catch {
    console.error(`check:api: ${committed} is missing; run \`npm run gen:api\`.`)
    process.exit(1)
  }
  if (before !== readFileSync(fresh, 'utf8')) {
    console.error(
      'check:api: src/api/schema.d.ts is out of date with ../api/openapi.yaml; run `npm run gen:api` and commit.',
    )
    process.exit(1)
  }
  console.log('check:api: src/api/schema.d.ts matches ../api/openapi.yaml')
} finally {
  rmSync(dir, { recursive: true, force: true })
}
