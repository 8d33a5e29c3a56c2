/**
 * npm start — the whole product on this machine:
 *   seeds the embedded database if it is empty, builds the public site into dist/,
 *   serves the CMS (admin + REST API) on :3000 and the site on :4321, and stops cleanly on Ctrl-C.
 */
import type { ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { buildInChildProcess, describeExclusions, type StartupBuild } from '../cms/publishing/run-build'
import { childEnv, exitWith, ports } from './lib/env'
import { ensureAdminBuild } from './lib/admin-build'
import { ensurePortFree, waitForHttp } from './lib/http'
import { bin, run, start, stopGroup } from './lib/run'
import { DIST } from './lib/site-build'
import { serveStatic } from '../site/serve'

const started = performance.now()
const env = childEnv()
const children: ChildProcess[] = []
let site: ReturnType<typeof serveStatic> | undefined
let stopping = false

async function stop(code = 0) {
  if (stopping) return
  stopping = true
  console.log('\nStopping…')
  site?.close()
  await Promise.all(children.map((child) => stopGroup(child)))
  console.log('Stopped.')
  process.exit(code)
}
process.on('SIGINT', () => void stop(0))
process.on('SIGTERM', () => void stop(0))

try {
  await ensurePortFree(ports.cms, 'CMS_PORT')
  await ensurePortFree(ports.site, 'SITE_PORT')
  // Seed (if empty) in a child, so this process stays small while serving. A content/ file that
  // does not validate stops here: there would be nothing to serve or to edit.
  await run(bin('tsx'), ['scripts/seed.ts', '--if-empty'], { env })
  // The site build never stops start-up: if it fails, the last good site is served, the reason is
  // printed here and shown in the CMS (build log, dashboard), and the next publish tries again.
  const startupBuild = await buildAtStartup(env)
  await ensureAdminBuild(env)

  // The CMS rebuilds the site after each publish (cms/publishing) and switches the new build into
  // the same dist/ this process serves.
  const cms = start(bin('tsx'), ['scripts/cms-server.ts'], {
    env: { ...env, CMS_PORT: String(ports.cms), CSP_HUB_PUBLISH: 'on', SITE_DIST_DIR: DIST, CSP_HUB_STARTUP_BUILD: JSON.stringify(startupBuild) },
  })
  children.push(cms)
  cms.on('exit', (code) => {
    if (!stopping) {
      console.error(`The CMS stopped unexpectedly (exit ${code}).`)
      void stop(1)
    }
  })

  site = serveStatic(DIST)
  await new Promise<void>((resolve, reject) => site!.once('error', reject).listen(ports.site, resolve))
  await waitForHttp(`http://localhost:${ports.cms}/api/site-settings/global`)

  const seconds = ((performance.now() - started) / 1000).toFixed(0)
  const siteNote =
    startupBuild.status === 'failed'
      ? existsSync(path.join(DIST, 'index.html'))
        ? '  (the last good build: the start-up build failed, see above)'
        : '  (no site yet: the start-up build failed, see above; it answers 404 until a build succeeds)'
      : ''
  console.log(`
  CSP Hub is running (ready in ${seconds} s):
    Public site   http://localhost:${ports.site}${siteNote}
    CMS admin     http://localhost:${ports.cms}/admin
    REST API      http://localhost:${ports.cms}/api
  Press Ctrl-C to stop.
`)
} catch (error) {
  await Promise.all(children.map((child) => stopGroup(child)))
  exitWith(error)
}

/** Builds the site once before serving; a failure is reported, never fatal. */
async function buildAtStartup(env: NodeJS.ProcessEnv): Promise<StartupBuild> {
  const startedAt = new Date().toISOString()
  console.log('Building the public site…')
  try {
    const { pages, seconds, excluded } = await buildInChildProcess(env)
    console.log(`Built the public site (${pages} pages) in ${seconds.toFixed(1)} s.`)
    const leftOut = describeExclusions(excluded)
    if (leftOut) console.warn(`\n${leftOut}\n`)
    return { status: 'succeeded', startedAt, finishedAt: new Date().toISOString(), pages, excluded, error: leftOut }
  } catch (error) {
    const reason = (error as Error).message
    console.error(`\nThe site build failed; the last good site is served and the CMS starts anyway. Fix the problem in the CMS and publish again:\n${reason}\n`)
    return { status: 'failed', startedAt, finishedAt: new Date().toISOString(), error: reason }
  }
}
