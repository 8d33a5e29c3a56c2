/**
 * `npm start` as a user runs it: on an empty database it seeds, builds the site, serves the site
 * and the CMS, prints both URLs, and stops cleanly (no stray server) on Ctrl-C.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { throwawayEnv } from '../helpers/env'
import { freePort } from '../helpers/ports'

const listening = (url: string) =>
  fetch(url, { redirect: 'manual' }).then(
    () => true,
    () => false,
  )

describe('npm start', () => {
  it('serves the site and the CMS, prints both URLs and stops on Ctrl-C', async () => {
    const [cmsPort, sitePort] = [await freePort(), await freePort()]
    const base = throwawayEnv('start')
    const env = { ...base, CMS_PORT: String(cmsPort), SITE_PORT: String(sitePort), SITE_DIST_DIR: path.join(base.TEST_DIR, 'dist') }
    const child = spawn(path.resolve('node_modules/.bin/tsx'), ['scripts/start.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))

    const until = Date.now() + 240_000
    while (!output.includes('Press Ctrl-C') && Date.now() < until && child.exitCode === null) await new Promise((r) => setTimeout(r, 250))
    expect(output, output).toContain('Press Ctrl-C')
    expect(output).toContain(`http://localhost:${sitePort}`)
    expect(output).toContain(`http://localhost:${cmsPort}/admin`)
    expect(output).toContain(`http://localhost:${cmsPort}/api`)

    const home = await fetch(`http://127.0.0.1:${sitePort}/`)
    expect(home.status).toBe(200)
    expect(home.headers.get('referrer-policy')).toBe('no-referrer')
    expect(home.headers.get('set-cookie')).toBeNull()
    expect((await fetch(`http://127.0.0.1:${cmsPort}/admin/login`)).status).toBe(200)
    const services = (await (await fetch(`http://127.0.0.1:${cmsPort}/api/services?limit=0`)).json()) as { totalDocs: number }
    expect(services.totalDocs).toBeGreaterThan(0)

    child.kill('SIGINT')
    expect(await exited).toBe(0)
    expect(output).toContain('Stopped.')
    expect(await listening(`http://127.0.0.1:${cmsPort}/api/site-settings/global`)).toBe(false)
    expect(await listening(`http://127.0.0.1:${sitePort}/`)).toBe(false)
  }, 300_000)
})

describe('npm start with a port already taken', () => {
  it('stops at once with a message naming the port and the variable', async () => {
    const { createServer } = await import('node:net')
    const blocker = createServer()
    const taken = await freePort()
    await new Promise<void>((r) => blocker.listen(taken, r))
    const base = throwawayEnv('start-port')
    const child = spawn(path.resolve('node_modules/.bin/tsx'), ['scripts/start.ts'], {
      env: { ...base, CMS_PORT: String(taken), SITE_PORT: String(await freePort()), SITE_DIST_DIR: path.join(base.TEST_DIR, 'dist') },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (c) => (output += c))
    child.stderr.on('data', (c) => (output += c))
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    blocker.close()
    expect(code).toBe(1)
    expect(output).toContain(`Port ${taken} is already in use`)
    expect(output).toContain('CMS_PORT')
  }, 60_000)
})
