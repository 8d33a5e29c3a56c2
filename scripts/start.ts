/**
 * npm start — the whole product on this machine:
 *   seeds the embedded database if it is empty, builds the public site into dist/,
 *   serves the CMS (admin + REST API) on :3000 and the site on :4321, and stops cleanly on Ctrl-C.
 */
import type { ChildProcess } from 'node:child_process'
import { childEnv, exitWith, ports } from './lib/env'
import { ensureAdminBuild } from './lib/admin-build'
import { bin, run, start } from './lib/run'
import { DIST } from './lib/site-build'
import { serveStatic } from '../site/serve'

const started = performance.now()
const env = childEnv()
const children: ChildProcess[] = []
let stopping = false

function stop(code = 0) {
  if (stopping) return
  stopping = true
  console.log('\nStopping…')
  for (const child of children) child.kill('SIGTERM')
  setTimeout(() => process.exit(code), 3000).unref()
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null))).then(() => process.exit(code))
}
process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))

try {
  // Seed (if empty) and build the site in a child, so this process stays small while serving.
  await run(bin('tsx'), ['scripts/build.ts'], { env })
  await ensureAdminBuild(env)

  const cms = start(bin('next'), ['start', 'cms', '--port', String(ports.cms)], { env: { ...env, CMS_PORT: String(ports.cms) } })
  children.push(cms)
  cms.on('exit', (code) => {
    if (!stopping) {
      console.error(`The CMS stopped unexpectedly (exit ${code}).`)
      stop(1)
    }
  })

  const site = serveStatic(DIST)
  await new Promise<void>((resolve, reject) => site.once('error', reject).listen(ports.site, resolve))
  await waitFor(`http://localhost:${ports.cms}/api/site-settings/global`)

  const seconds = ((performance.now() - started) / 1000).toFixed(0)
  console.log(`
  CSP Hub is running (ready in ${seconds} s):
    Public site   http://localhost:${ports.site}
    CMS admin     http://localhost:${ports.cms}/admin
    REST API      http://localhost:${ports.cms}/api
  Press Ctrl-C to stop.
`)
} catch (error) {
  for (const child of children) child.kill('SIGTERM')
  exitWith(error)
}

/** Polls until the CMS answers, so the printed URLs work when they appear. */
async function waitFor(url: string, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    try {
      const response = await fetch(url, { redirect: 'manual' })
      if (response.status < 500) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`The CMS did not answer at ${url} within ${timeoutMs / 1000} s.`)
}

