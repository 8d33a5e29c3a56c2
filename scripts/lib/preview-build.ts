/**
 * The preview server (site-preview/, issue 18) is an on-demand Astro build of the site's page
 * components. Like the admin, it is built once per change of what it is built from (site/,
 * site-preview/, the Astro config, the lockfile): about 2 s, into PREVIEW_SERVER_DIR, never dist/.
 */
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { PREVIEW_SERVER_DIR } from './preview/paths'
import { projectRoot } from './env'
import { fingerprint, withDirectoryLock } from './build-stamp'
import { bin, run } from './run'

const SOURCES = ['site', 'site-preview', 'astro.config.mjs', 'package-lock.json']
const STAMP = path.join(PREVIEW_SERVER_DIR, 'csp-hub-source-hash')
const LOCK = `${PREVIEW_SERVER_DIR}.lock`

const sourceHash = () => fingerprint(SOURCES.map((source) => path.join(projectRoot, source)), new Set(['node_modules']))

export async function ensurePreviewBuild(env: NodeJS.ProcessEnv = process.env): Promise<'built' | 'up to date'> {
  // One build at a time across processes (npm start and a test run may start together).
  return withDirectoryLock(LOCK, 5 * 60_000, async () => {
    const hash = await sourceHash()
    if (existsSync(STAMP) && (await readFile(STAMP, 'utf8')) === hash) return 'up to date'
    console.log('Building the preview server (once per site change, a few seconds)…')
    await run(bin('astro'), ['build', '--config', 'site-preview/astro.config.mjs'], {
      env: { ...env, PREVIEW_OUT_DIR: PREVIEW_SERVER_DIR, ASTRO_TELEMETRY_DISABLED: '1' },
    })
    await writeFile(STAMP, hash)
    return 'built'
  })
}
