// Writes .gz and .br beside every compressible file of the build, so that WhiteNoise (and nginx
// with gzip_static / brotli_static) send them compressed without compressing per request.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const root = process.env.CONGRESS_FRONTEND_DIST ?? new URL('../dist', import.meta.url).pathname
const compressible = /\.(js|mjs|css|html|svg|json|txt|map|woff)$/
const minimum = 1024

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) yield* files(path)
    else if (compressible.test(name)) yield path
  }
}

let count = 0
for (const path of files(root)) {
  const body = readFileSync(path)
  if (body.length < minimum) continue
  writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }))
  writeFileSync(`${path}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }))
  count += 1
}
console.log(`compressed ${count} files in ${root}`)
