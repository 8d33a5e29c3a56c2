/**
 * The admin (Next.js) needs a production build before `next start`. It takes ~25 s and ~1.5 GB,
 * so it is rebuilt only when something it is built from changed since the last build.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { projectRoot } from './env'
import { bin, run } from './run'

const CMS = path.join(projectRoot, 'cms')
const STAMP = path.join(CMS, '.next', 'csp-hub-source-hash')

/** What the admin is built from: every file in cms/ (or `dir`) but build output, and the lockfile. */
export async function sourceHash(dir = CMS): Promise<string> {
  const hash = createHash('sha256')
  const walk = async (dir: string) => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      // next-env.d.ts is written by `next build` itself (git-ignored): counting it made the second
      // check on a fresh clone see a change and rebuild .next under the running test CMS.
      if (entry.name === '.next' || entry.name === 'node_modules' || entry.name === 'next-env.d.ts' || entry.name === '.next-build.lock') continue
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) await walk(full)
      else hash.update(full).update(await readFile(full))
    }
  }
  await walk(dir)
  hash.update(await readFile(path.join(projectRoot, 'package-lock.json')).catch(() => Buffer.from('')))
  return hash.digest('hex')
}

const LOCK = path.join(CMS, '.next-build.lock')

/**
 * One admin build at a time: `npm start` and a test run (or two test runs) started together would
 * otherwise both write cms/.next and leave it broken. The lock is a directory (mkdir is atomic);
 * one older than the longest build is taken to be left over from a killed process.
 */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  const staleMs = 10 * 60_000
  for (;;) {
    try {
      await mkdir(LOCK)
      break
    } catch {
      const since = await stat(LOCK).then((s) => Date.now() - s.mtimeMs, () => 0)
      if (since > staleMs) await rm(LOCK, { recursive: true, force: true })
      else await new Promise((resolve) => setTimeout(resolve, 500))
    }
  }
  try {
    return await work()
  } finally {
    await rm(LOCK, { recursive: true, force: true })
  }
}

export async function ensureAdminBuild(env: NodeJS.ProcessEnv): Promise<'built' | 'up to date'> {
  return withBuildLock(async () => {
    // Hashed inside the lock: a build that finished while we waited is reused.
    const hash = await sourceHash()
    if (existsSync(STAMP) && (await readFile(STAMP, 'utf8')) === hash) return 'up to date'
    console.log('Building the CMS admin (once per code change, about 30 s)…')
    await run(bin('next'), ['build', 'cms'], { env: { ...env, NEXT_TELEMETRY_DISABLED: '1' } })
    await writeFile(STAMP, hash)
    return 'built'
  })
}
