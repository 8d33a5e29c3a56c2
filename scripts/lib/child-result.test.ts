/**
 * A held child (forkHeld): forked ahead, it loads what it needs, waits for go, then runs and
 * reports like any forkForReport child. Stand-ins are plain ES modules using the real child side
 * (held.mjs), so both ends of the protocol are the product's.
 */
import { getPriority } from 'node:os'
import { describe, expect, it } from 'vitest'
import { forkHeld, HELD_NICENESS } from './child-result'
import { sleep, standIns, until } from './stand-ins'

const child = standIns('csp-hub-held-', 'heldUntilGo')

describe('forkHeld', () => {
  it('runs only after go, with what go sends, and reports like any child', async () => {
    const script = child(
      'echo',
      `const loadedAt = Date.now()\nconst go = await heldUntilGo()\nprocess.send({ ok: true, loadedAt, startedAt: Date.now(), go, args: process.argv.slice(2) }, undefined, {}, () => process.exit(0))`,
    )
    const h = forkHeld<{ loadedAt: number; startedAt: number; go: unknown; args: string[] }>('The stand-in', script, ['--skip-seed'])
    await until(() => h.loaded)
    await sleep(300)
    expect(h.ready).toBe(true)
    const wentAt = Date.now()
    const report = await h.go({ outDir: '/tmp/x', env: { A: '1' } })
    expect(report.go).toEqual({ outDir: '/tmp/x', env: { A: '1' } })
    expect(report.args).toEqual(['--skip-seed', '--hold'])
    // It was ready (loaded) well before go, and it did not start until go.
    expect(report.loadedAt).toBeLessThan(wentAt - 300)
    expect(report.startedAt).toBeGreaterThanOrEqual(wentAt - 5)
    expect(h.ready).toBe(false)
    await expect(h.go()).rejects.toThrow('The stand-in was not waiting any more.')
  })

  // The bench's REST figure after a publish: the next build loading beside the CMS took its CPU.
  it('waits at a low priority, and runs at its parent\'s once started', async () => {
    const script = child(
      'nice',
      `const { getPriority } = await import('node:os')\nawait new Promise((r) => setTimeout(r, 200))\nconst waiting = getPriority()\nawait heldUntilGo()\nprocess.send({ ok: true, waiting, running: getPriority() }, undefined, {}, () => process.exit(0))`,
    )
    const h = forkHeld<{ waiting: number; running: number }>('The stand-in', script, [])
    await sleep(500)
    const own = getPriority()
    const { waiting, running } = await h.go()
    expect(waiting).toBe(Math.max(own, HELD_NICENESS))
    // Raising a priority again needs root (or RLIMIT_NICE): without it the run stays niced.
    expect(running).toBe(process.getuid?.() === 0 ? own : waiting)
  })

  it('says when it has loaded and waits, not before', async () => {
    const h = forkHeld('The stand-in', child('slow', `await new Promise((r) => setTimeout(r, 800))\nawait heldUntilGo()\nprocess.send({ ok: true }, undefined, {}, () => process.exit(0))`), [])
    await sleep(300)
    expect(h.ready).toBe(true)
    expect(h.loaded).toBe(false)
    await until(() => h.loaded)
    await h.go()
    expect(h.loaded).toBe(false)
  })

  it('rejects with the reason the child reports after go', async () => {
    const h = forkHeld('The stand-in', child('fails', `await heldUntilGo()\nprocess.send({ ok: false, error: 'no space left on device' }, undefined, {}, () => process.exit(1))`), [])
    await expect(h.go()).rejects.toThrow('no space left on device')
  })

  it('is not ready once the child has ended while waiting, so the caller forks afresh', async () => {
    const h = forkHeld('The stand-in', child('dies', `process.exit(3)`), [])
    await until(() => !h.ready)
    await expect(h.go()).rejects.toThrow('was not waiting any more')
  })

  it('ends the child on cancel', async () => {
    const h = forkHeld('The stand-in', child('waits', `await heldUntilGo()\nprocess.send({ ok: true }, undefined, {}, () => process.exit(0))`), [])
    await sleep(300)
    expect(h.ready).toBe(true)
    h.cancel()
    expect(h.ready).toBe(false)
    expect(h.loaded).toBe(false)
    await expect(h.go()).rejects.toThrow('was not waiting any more')
  })

  it('a held child ends by itself when its parent goes (no orphan waits forever)', async () => {
    const { fork } = await import('node:child_process')
    const waiting = fork(child('orphan', `await heldUntilGo()\nconsole.log('ran without go')`), ['--hold'], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] })
    let output = ''
    waiting.stdout!.on('data', (d: Buffer) => (output += d.toString()))
    await sleep(300)
    const exited = new Promise<number | null>((resolve) => waiting.once('exit', (code) => resolve(code)))
    waiting.disconnect() // what the parent's death does to the channel
    expect(await exited).toBe(0)
    expect(output).toBe('')
  })

  it('runs at once when not forked held (heldUntilGo resolves with null)', async () => {
    const { forkForReport } = await import('./child-result')
    const report = await forkForReport<{ go: unknown }>('The stand-in', child('direct', `const go = await heldUntilGo()\nprocess.send({ ok: true, go }, undefined, {}, () => process.exit(0))`), [])
    expect(report.go).toBeNull()
  })
})
