/**
 * A real CMS for HTTP tests: a throwaway SQLite database seeded from content/, the production
 * admin build (reused when cms/ is unchanged) and the CMS server (scripts/cms-server.ts) on a free port. Started once per run.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { ensureAdminBuild } from '../../scripts/lib/admin-build'
import { start, stopGroup } from '../../scripts/lib/run'
import { throwawayEnv } from './env'
import { freePort, waitForHttp } from './ports'

declare module 'vitest' {
  export interface ProvidedContext {
    cmsUrl: string
    /** When seeding ended: records created at or before it are content/'s, not a test's. */
    cmsSeededAt: string
  }
}

export default async function setup(project: TestProject) {
  const port = await freePort()
  const cmsUrl = `http://127.0.0.1:${port}`
  const env = { ...throwawayEnv('cms'), CMS_PORT: String(port), CMS_PUBLIC_URL: cmsUrl }
  const seeded = spawnSync(path.resolve('node_modules/.bin/tsx'), ['scripts/seed.ts'], { env, stdio: 'pipe', timeout: 180_000 })
  if (seeded.status !== 0) throw new Error(`Seeding the test CMS failed:\n${seeded.stderr}`)
  const seededAt = new Date().toISOString()
  await ensureAdminBuild(env)
  const cms = start(path.resolve('node_modules/.bin/tsx'), ['scripts/cms-server.ts'], {
    // Tests stand in for clients behind a proxy on this machine: X-Forwarded-For from loopback is believed.
    env: { ...env, CMS_HOST: '127.0.0.1', TRUSTED_PROXIES: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  await waitForHttp(`${cmsUrl}/api/site-settings/global`)
  project.provide('cmsUrl', cmsUrl)
  project.provide('cmsSeededAt', seededAt)
  return () => stopGroup(cms)
}
