import { describe, expect, it } from 'vitest'
import { ref } from 'vue'

import { ApiError } from '@/api/http'
import { withSetup } from '@/components/__tests__/mounting'

import { partsOf, useResource, useResources } from '../useResource'

const mounted = withSetup

/** A promise the test settles when it likes. */
function pending<T>() {
  let resolve!: (value: T) => void
  let reject!: (reason: unknown) => void
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok
    reject = fail
  })
  return { promise, resolve, reject }
}

describe('useResource', () => {
  it('loads when mounted and keeps what it read', async () => {
    const resource = mounted(() => useResource(async () => [1, 2], [] as number[]))
    expect(resource.loading.value).toBe(true)
    await flush()
    expect(resource.data.value).toEqual([1, 2])
    expect(resource.loading.value).toBe(false)
    expect(resource.error.value).toBe('')
  })

  it('waits for load when not immediate', async () => {
    let calls = 0
    const resource = mounted(() => useResource(async () => ++calls, 0, { immediate: false }))
    await flush()
    expect(calls).toBe(0)
    expect(await resource.load()).toBe(true)
    expect(resource.data.value).toBe(1)
  })

  it('shows a failure and keeps the last good data', async () => {
    let fail = false
    const resource = mounted(() =>
      useResource(
        async () => {
          if (fail) throw new ApiError(400, 'invalid', 'refused')
          return 'first'
        },
        '',
        { immediate: false },
      ),
    )
    await resource.load()
    fail = true
    expect(await resource.load()).toBe(false)
    expect(resource.data.value).toBe('first')
    expect(resource.error.value).toBe('refused')
  })

  it('keeps a failure shown while it loads again when asked, until a read succeeds', async () => {
    const answer = pending<string>()
    let fail = true
    const resource = mounted(() =>
      useResource(() => (fail ? Promise.reject(new ApiError(500, 'http_500', 'down')) : answer.promise), '', {
        immediate: false,
        keepError: true,
      }),
    )
    await resource.load()
    fail = false
    const again = resource.load()
    expect(resource.error.value).toBe('down')
    answer.resolve('up')
    await again
    expect(resource.error.value).toBe('')
    expect(resource.data.value).toBe('up')
  })

  it('describes a failure with the given function', async () => {
    const resource = mounted(() =>
      useResource(
        async () => {
          throw new Error('down')
        },
        null,
        { immediate: false, describe: (failure) => `said: ${(failure as Error).message}` },
      ),
    )
    await resource.load()
    expect(resource.error.value).toBe('said: down')
  })

  it('lets the latest load win over an earlier one still in flight', async () => {
    const answers = [pending<string>(), pending<string>()]
    let call = 0
    const resource = mounted(() => useResource(() => answers[call++]!.promise, '', { immediate: false }))
    const first = resource.load()
    const second = resource.load()
    answers[1]!.resolve('new')
    await second
    answers[0]!.resolve('old')
    await first
    expect(resource.data.value).toBe('new')
    expect(resource.loading.value).toBe(false)
  })
})

describe('useResources', () => {
  it('loads several reads together, each in its own ref', async () => {
    const pages = mounted(() =>
      useResources({ names: async () => ['a'], count: async () => 2 }, { names: [] as string[], count: 0 }),
    )
    await flush()
    expect(pages.parts.names.value).toEqual(['a'])
    expect(pages.parts.count.value).toBe(2)
    expect(pages.loading.value).toBe(false)
  })

  it('shows the failure of any read and keeps what was read before', async () => {
    let fail = false
    const pages = mounted(() =>
      useResources(
        {
          names: async () => ['a'],
          count: async () => {
            if (fail) throw new ApiError(500, 'http_500', 'down')
            return 1
          },
        },
        { names: [] as string[], count: 0 },
        { immediate: false },
      ),
    )
    await pages.load()
    fail = true
    expect(await pages.load()).toBe(false)
    expect(pages.error.value).toBe('down')
    expect(pages.parts.count.value).toBe(1)
  })
})

describe('partsOf', () => {
  it("gives each field a ref that reads and writes the resource's data", () => {
    const data = ref({ name: 'a', count: 1 })
    const { name, count } = partsOf(data)
    count.value = 5
    expect(data.value).toEqual({ name: 'a', count: 5 })
    data.value = { name: 'b', count: 0 }
    expect(name.value).toBe('b')
  })
})

async function flush() {
  for (let i = 0; i < 3; i++) await Promise.resolve()
}
