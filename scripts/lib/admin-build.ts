/**
 * The admin (Next.js) needs a production build before `next start`. It takes ~25 s and ~1.5 GB,
 * so it is rebuilt only when something it is built from changed since the last build.
 */
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { projectRoot } from './env'
import { fingerprint, withDirectoryLock } from './build-stamp'
import { bin, run } from './run'

const CMS = path.join(projectRoot, 'cms')
const STAMP = path.join(CMS, '.next', 'csp-hub-source-hash')

// next-env.d.ts is written by `next build` itself (git-ignored): counting it made the second check
// on a fresh clone see a change and rebuild .next under the running test CMS.
const NOT_SOURCES = new Set(['.next', 'node_modules', 'next-env.d.ts', '.next-build.lock'])

/**
 * The admin's code outside cms/: how a site build reports back and waits held for a publish
 * (cms/publishing/run-build.ts runs them). Hashed with cms/, so a change to them rebuilds the admin;
 * scripts/lib/admin-sources.test.ts fails if the admin starts running anything else from outside.
 */
export const OUTSIDE_CMS = ['scripts/lib/child-result.ts', 'scripts/lib/held.mjs']

/** What the admin is built from: every file in cms/ (or `dir`) but build output, its helpers outside it, and the lockfile. */
export const sourceHash = (dir = CMS): Promise<string> =>
  fingerprint([dir, ...OUTSIDE_CMS.map((file) => path.join(projectRoot, file)), path.join(projectRoot, 'package-lock.json')], NOT_SOURCES)

const LOCK = path.join(CMS, '.next-build.lock')

export async function ensureAdminBuild(env: NodeJS.ProcessEnv): Promise<'built' | 'up to date'> {
  // One admin build at a time: `npm start` and a test run started together would otherwise both
  // write cms/.next and leave it broken.
  return withDirectoryLock(LOCK, 10 * 60_000, async () => {
    // Hashed inside the lock: a build that finished while we waited is reused.
    const hash = await sourceHash()
    if (existsSync(STAMP) && (await readFile(STAMP, 'utf8')) === hash) return 'up to date'
    console.log('Building the CMS admin (once per code change, about 30 s)…')
    await run(bin('next'), ['build', 'cms'], { env: { ...env, NEXT_TELEMETRY_DISABLED: '1' } })
    await writeFile(STAMP, hash)
    return 'built'
  })
}
