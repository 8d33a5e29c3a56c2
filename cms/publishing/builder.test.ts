import { describe, expect, it } from 'vitest'
import { SiteBuilder } from './builder'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** A fake build that takes `ms` and records when it ran and with which reasons. */
function recorder(ms = 30, fail = false) {
  const runs: { reasons: string[]; start: number; end: number }[] = []
  let active = 0
  let overlapped = false
  const run = async (reasons: string[]) => {
    active++
    if (active > 1) overlapped = true
    const start = performance.now()
    await sleep(ms)
    active--
    runs.push({ reasons, start, end: performance.now() })
    if (fail) throw new Error('build failed')
  }
  return { runs, run, overlapped: () => overlapped }
}

describe('SiteBuilder', () => {
  it('makes one build from several quick saves', async () => {
    const r = recorder()
    const builder = new SiteBuilder(r.run, 20)
    builder.request('news a')
    builder.request('news b')
    builder.request('news a')
    await builder.idle()
    expect(r.runs).toHaveLength(1)
    expect(r.runs[0]!.reasons).toEqual(['news a', 'news b'])
  })

  it('never runs two builds at once, and loses no change made during a build', async () => {
    const r = recorder(60)
    const builder = new SiteBuilder(r.run, 5)
    builder.request('first')
    await sleep(20) // first build is running now
    builder.request('second')
    builder.request('third')
    await builder.idle()
    expect(r.overlapped()).toBe(false)
    expect(r.runs.map((run) => run.reasons)).toEqual([['first'], ['second', 'third']])
    expect(r.runs[1]!.start).toBeGreaterThanOrEqual(r.runs[0]!.end)
  })

  it('keeps going after a failed build', async () => {
    const r = recorder(5, true)
    const builder = new SiteBuilder(r.run, 5)
    builder.request('a')
    await builder.idle()
    builder.request('b')
    await builder.idle()
    expect(r.runs.map((run) => run.reasons)).toEqual([['a'], ['b']])
  })

  it('is idle at once when nothing was asked', async () => {
    const builder = new SiteBuilder(async () => undefined, 5)
    expect(builder.busy).toBe(false)
    await builder.idle()
  })
})
