/**
 * The preview server (site-preview/, issue 18) is an on-demand Astro build of the site's page
 * components. Like the admin, it is built once per change of what it is built from (site/,
 * site-preview/, the Astro config, the lockfile): about 2 s, into PREVIEW_SERVER_DIR, never dist/.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { PREVIEW_SERVER_DIR } from './preview/paths'
import { projectRoot } from './env'
import { bin, run } from './run'

const SOURCES = ['site', 'site-preview', 'astro.config.mjs', 'package-lock.json']
const STAMP = path.join(PREVIEW_SERVER_DIR, 'csp-hub-source-hash')
const LOCK = `${PREVIEW_SERVER_DIR}.lock`

async function sourceHash(): Promise<string> {
  const hash = createHash('sha256')
  const walk = async (full: string) => {
    const info = await stat(full).catch(() => null)
    if (!info) return
    if (!info.isDirectory()) return void hash.update(full).update(await readFile(full))
    for (const entry of (await readdir(full)).sort()) if (entry !== 'node_modules') await walk(path.join(full, entry))
  }
  for (const source of SOURCES) await walk(path.join(projectRoot, source))
  return hash.digest('hex')
}

/** One build at a time across processes (npm start and a test run may start together). */
async function withLock<T>(work: () => Promise<T>): Promise<T> {
  await mkdir(path.dirname(LOCK), { recursive: true })
  for (;;) {
    try {
      await mkdir(LOCK)
      break
    } catch {
      const since = await stat(LOCK).then((s) => Date.now() - s.mtimeMs, () => 0)
      if (since > 5 * 60_000) await rm(LOCK, { recursive: true, force: true })
      else await new Promise((resolve) => setTimeout(resolve, 300))
    }
  }
  try {
    return await work()
  } finally {
    await rm(LOCK, { recursive: true, force: true })
  }
}

export async function ensurePreviewBuild(env: NodeJS.ProcessEnv = process.env): Promise<'built' | 'up to date'> {
  return withLock(async () => {
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
