/**
 * A served child (forkServing): forked once, it loads what it needs, says it waits, then runs one
 * job per run() and stays for the next — the build process a publishing CMS keeps, which keeps the
 * warm renderer. Stand-ins are plain ES modules using the real child side (held.mjs serveRuns).
 */
import { describe, expect, it } from 'vitest'
import { forkServing } from './child-result'
import { standIns, until } from './stand-ins'

const child = standIns('csp-hub-serving-', 'serveRuns')

describe('forkServing', () => {
  it('runs one job per run(), in the same process, keeping what it holds between them', async () => {
    const s = forkServing<{ pid: number; runs: number; message: unknown }>('The stand-in', child('counts', `let runs = 0\nserveRuns(async (message) => ({ pid: process.pid, runs: ++runs, message }), String)`), [])
    await until(() => s.idle)
    const first = await s.run({ outDir: '/tmp/a' })
    expect(s.idle).toBe(true)
    const second = await s.run({ outDir: '/tmp/b' })
    expect(first).toMatchObject({ ok: true, runs: 1, message: { outDir: '/tmp/a' } })
    expect(second).toMatchObject({ runs: 2, pid: first.pid, message: { outDir: '/tmp/b' } })
    s.stop()
    expect(s.alive).toBe(false)
  })

  it('is not idle while it loads or runs a job, and refuses a second job meanwhile', async () => {
    const s = forkServing('The stand-in', child('slow', `await new Promise((r) => setTimeout(r, 500))\nserveRuns(async () => { await new Promise((r) => setTimeout(r, 300)); return {} }, String)`), [])
    expect(s.idle).toBe(false)
    await until(() => s.idle)
    const running = s.run()
    expect(s.idle).toBe(false)
    await expect(s.run()).rejects.toThrow('is still running a job')
    await running
    expect(s.idle).toBe(true)
    s.stop()
  })

  it('passes on what a job says before it ends, in order, and its report waits for the listener', async () => {
    const s = forkServing<{ done: boolean }>('The stand-in', child('progress', `serveRuns(async (_m, progress) => { await progress({ step: 1 }); await progress({ step: 2 }); return { done: true } }, String)`), [])
    await until(() => s.idle)
    const heard: string[] = []
    const report = await s.run({}, async (news) => {
      heard.push(`heard ${String(news.step)}`)
      // A slow listener (the parent moving the first pages live): the report must not overtake it.
      await new Promise((r) => setTimeout(r, 200))
      heard.push(`handled ${String(news.step)}`)
    })
    heard.push('report')
    expect(report).toMatchObject({ ok: true, done: true })
    expect(heard).toEqual(['heard 1', 'handled 1', 'heard 2', 'handled 2', 'report'])
    // Without a listener the news is dropped and the job runs as before.
    await expect(s.run()).resolves.toMatchObject({ done: true })
    s.stop()
  })

  it('rejects with the reason a job throws, and stays for the next job', async () => {
    const s = forkServing('The stand-in', child('throws', `let n = 0\nserveRuns(async () => { if (++n === 1) throw new Error('no space left on device'); return { n } }, (e) => e.message)`), [])
    await until(() => s.idle)
    await expect(s.run()).rejects.toThrow('no space left on device')
    await expect(s.run()).resolves.toMatchObject({ n: 2 })
    s.stop()
  })

  it('rejects a job whose process died during it, with how it ended, and is then no longer alive', async () => {
    const s = forkServing('The stand-in', child('dies', `serveRuns(async () => process.exit(134), String)`), [])
    await until(() => s.idle)
    await expect(s.run()).rejects.toThrow('The stand-in stopped without reporting a result (exit code 134).')
    expect(s.alive).toBe(false)
    await expect(s.run()).rejects.toThrow('is not running any more')
  })

  it('a served child ends by itself when its parent goes (no orphan stays)', async () => {
    const { fork } = await import('node:child_process')
    const orphan = fork(child('orphan', `serveRuns(async () => ({}), String)`), ['--serve'], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] })
    await new Promise((r) => orphan.once('message', r))
    const exited = new Promise<number | null>((r) => orphan.once('exit', (code) => r(code)))
    orphan.disconnect()
    expect(await exited).toBe(0)
  })
})
