/**
 * npm start — the whole product on this machine:
 *   seeds the embedded database if it is empty, builds the public site into dist/,
 *   serves the CMS (admin + REST API) on :3000 and the site on :4321, and stops cleanly on Ctrl-C.
 */
import type { ChildProcess } from 'node:child_process'
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
  // Seed (if empty) and build the site in a child, so this process stays small while serving.
  await run(bin('tsx'), ['scripts/build.ts'], { env })
  await ensureAdminBuild(env)

  // The CMS rebuilds the site after each publish (cms/publishing) and switches the new build into
  // the same dist/ this process serves.
  const cms = start(bin('tsx'), ['scripts/cms-server.ts'], {
    env: { ...env, CMS_PORT: String(ports.cms), CSP_HUB_PUBLISH: 'on', SITE_DIST_DIR: DIST },
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
  console.log(`
  CSP Hub is running (ready in ${seconds} s):
    Public site   http://localhost:${ports.site}
    CMS admin     http://localhost:${ports.cms}/admin
    REST API      http://localhost:${ports.cms}/api
  Press Ctrl-C to stop.
`)
} catch (error) {
  await Promise.all(children.map((child) => stopGroup(child)))
  exitWith(error)
}
