/**
 * Browser tests run against the real product: a throwaway database seeded from content/, the site
 * built by the same pipeline as `npm run build` into a temporary folder, served by site/serve.ts
 * on a free port. Built once per test run and shared by every browser test file.
 */
import { spawnSync } from 'node:child_process'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { serveStatic } from '../../site/serve'
import { throwawayEnv } from './env'

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string
    siteDir: string
  }
}

export default async function setup(project: TestProject) {
  // Drafts with marker words go into this throwaway database, so the privacy tests can prove they stay
  // out; one generated test image on a news story, so the site's image pipeline is exercised; and
  // fictional domestic homicide reviews (tests/helpers/review-fixtures.ts).
  const env = { ...throwawayEnv('site'), SEED_TEST_DRAFTS: '1', SEED_TEST_IMAGE: '1', SEED_TEST_REVIEWS: '1' }
  const siteDir = path.join(env.TEST_DIR, 'dist')
  const result = spawnSync(path.resolve('node_modules/.bin/tsx'), ['tests/helpers/build-site.ts', siteDir], {
    env,
    stdio: 'inherit',
    timeout: 600_000,
  })
  if (result.status !== 0) throw new Error(`Building the site for browser tests failed (exit ${result.status}).`)
  const server = serveStatic(siteDir)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  project.provide('siteUrl', `http://127.0.0.1:${port}`)
  project.provide('siteDir', siteDir)
  return () => new Promise<void>((resolve) => server.close(() => resolve()))
}
