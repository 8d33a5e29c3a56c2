/**
 * The channel a build reports its result on: buildInChildProcess forks a stand-in for
 * scripts/build.ts, exactly as the CMS forks the real one, and learns the result from its message
 * alone — never from its output, which here says the opposite of the truth.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildInChildProcess, describeExclusions } from './run-build'

const dir = mkdtempSync(path.join(tmpdir(), 'csp-hub-build-child-'))
/** A stand-in build: a plain ES module run as the build is (`node --import tsx`). */
const child = (name: string, body: string) => {
  const file = path.join(dir, `${name}.mjs`)
  writeFileSync(file, body)
  return file
}
const send = (report: object, code: number) => `process.send(${JSON.stringify(report)}, undefined, {}, () => process.exit(${code}))`

const exclusion = { collection: 'services', id: '7', slug: 'refuge', title: 'Refuge', problem: 'its organisation is not published' }

describe('buildInChildProcess', () => {
  it('resolves with what a successful build reports, records left out included', async () => {
    const script = child(
      'succeeds',
      `console.log('Error: this output is not read; the build failed'); console.error('failed')\n` +
        send({ ok: true, pages: 84, seconds: 12.5, steps: { astro: 9, pagefind: 2, checksAndSwitch: 1.5 }, excluded: [exclusion] }, 0),
    )
    const outcome = await buildInChildProcess(process.env, { script })
    expect(outcome).toMatchObject({ pages: 84, seconds: 12.5, steps: { astro: 9, pagefind: 2, checksAndSwitch: 1.5 }, excluded: [exclusion] })
    expect(describeExclusions(outcome.excluded)).toBe(
      `Live, but 1 record was left out because it does not pass the site's checks; fix it in the CMS:\n- services “Refuge” (id 7): its organisation is not published`,
    )
  })

  it('rejects with the reason a failed build reports, whatever it printed', async () => {
    const reason = 'The new site was not published, so the previous one stays live:\n  - /news/x/index.html would show text marked “[RESTRICTED]”'
    const script = child('fails', `console.log('Built the public site (84 pages).')\n` + send({ ok: false, error: reason }, 1))
    await expect(buildInChildProcess(process.env, { script })).rejects.toThrow(reason)
  })

  it('reports a build killed before it could report as failed, with the signal', async () => {
    const script = child('killed', `process.kill(process.pid, 'SIGKILL')`)
    await expect(buildInChildProcess(process.env, { script })).rejects.toThrow('The build stopped without reporting a result (signal SIGKILL).')
  })

  it('reports a build that exited without a result as failed, with the exit code and its last words on stderr', async () => {
    const script = child('crashes', `console.error('FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory'); process.exit(134)`)
    const error = await buildInChildProcess(process.env, { script }).catch((e: Error) => e)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toBe('The build stopped without reporting a result (exit code 134).\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory')
  })

  it('does not run the build as the publishing CMS', async () => {
    const script = child('env', `process.send({ ok: true, publish: process.env.CSP_HUB_PUBLISH ?? 'off' }, undefined, {}, () => process.exit(0))`)
    expect(await buildInChildProcess({ ...process.env, CSP_HUB_PUBLISH: 'on' }, { script })).toMatchObject({ publish: 'off' })
  })
})
