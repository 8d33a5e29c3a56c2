/**
 * Builds the public site from the CMS into a fresh folder, indexes it with Pagefind, checks it,
 * and only then switches it in as dist/. A failed build leaves the last good dist/ untouched.
 */
import { existsSync } from 'node:fs'
import { mkdir, readdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { checkBuiltSite } from '../../site/checks'
import { projectRoot } from './env'
import { bin, run } from './run'

/** The live site. SITE_DIST_DIR moves it, so tests never replace a developer's dist/. */
export const DIST = path.resolve(process.env.SITE_DIST_DIR || path.join(projectRoot, 'dist'))

export type BuildResult = { folder: string; seconds: number }

/** Builds into a fresh folder beside `target` (same filesystem, so the switch is a rename). */
export async function buildSite(env: NodeJS.ProcessEnv, { target = DIST, quiet = false } = {}): Promise<BuildResult> {
  const started = performance.now()
  const builds = path.join(path.dirname(target), `.${path.basename(target)}-builds`)
  await mkdir(builds, { recursive: true })
  const folder = path.join(builds, `build-${Date.now()}`)
  const stdio = quiet ? 'pipe' : 'inherit'
  try {
    await run(bin('astro'), ['build', '--outDir', folder], { env: { ...env, SITE_OUT_DIR: folder, ASTRO_TELEMETRY_DISABLED: '1' }, stdio })
    await run(bin('pagefind'), ['--site', folder, '--silent'], { env, stdio })
    await checkBuiltSite(folder)
    await switchIn(folder, target, builds)
  } catch (error) {
    await rm(folder, { recursive: true, force: true })
    throw error
  }
  return { folder: target, seconds: (performance.now() - started) / 1000 }
}

/** Two renames on one filesystem: the old site is replaced only by a complete new one. */
async function switchIn(folder: string, target: string, builds: string) {
  const previous = path.join(builds, `previous-${Date.now()}`)
  if (existsSync(target)) await rename(target, previous)
  await rename(folder, target)
  // Keep nothing but the live site; a previous build is only needed during the switch.
  for (const name of await readdir(builds)) if (name.startsWith('previous-')) await rm(path.join(builds, name), { recursive: true, force: true })
}
