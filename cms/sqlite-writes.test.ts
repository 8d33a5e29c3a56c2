import { describe, expect, it } from 'vitest'
import { WriteQueue } from './sqlite-writes'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('WriteQueue', () => {
  it('lets one writer in at a time, in the order they came', async () => {
    const queue = new WriteQueue()
    const log: string[] = []
    const writer = (name: string, ms: number) =>
      queue.run(async () => {
        log.push(`${name} in`)
        await sleep(ms)
        log.push(`${name} out`)
      })
    await Promise.all([writer('a', 30), writer('b', 1), writer('c', 1)])
    expect(log).toEqual(['a in', 'a out', 'b in', 'b out', 'c in', 'c out'])
  })

  it('never waits longer than its limit for a holder that does not let go', async () => {
    const queue = new WriteQueue(50, 10_000)
    await queue.acquire() // never released
    const started = Date.now()
    const release = await queue.acquire()
    expect(Date.now() - started).toBeGreaterThanOrEqual(45)
    expect(Date.now() - started).toBeLessThan(1000)
    release()
  })

  it('frees a leaked hold after the longest a transaction may take', async () => {
    const queue = new WriteQueue(10_000, 40)
    await queue.acquire() // leaked
    const started = Date.now()
    ;(await queue.acquire())()
    expect(Date.now() - started).toBeLessThan(1000)
  })
})
