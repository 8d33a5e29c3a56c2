/**
 * What the admin build (admin-build.ts) and the preview build (preview-build.ts) share: a
 * fingerprint of the files a build is made from, so it is redone only when one of them changed,
 * and a lock so that two processes (npm start and a test run) never write the same output at once.
 */
import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises'
import path from 'node:path'

/** A hash of every file's path and bytes under `roots` (files or folders), skipping names in `skip`. */
export async function fingerprint(roots: string[], skip: ReadonlySet<string> = new Set()): Promise<string> {
  const hash = createHash('sha256')
  const walk = async (full: string) => {
    const info = await stat(full).catch(() => null)
    if (!info) return
    if (!info.isDirectory()) return void hash.update(full).update(await readFile(full))
    for (const entry of (await readdir(full)).sort()) if (!skip.has(entry)) await walk(path.join(full, entry))
  }
  for (const root of roots) await walk(root)
  return hash.digest('hex')
}

/**
 * Runs `work` holding a lock that is a directory (mkdir is atomic across processes); a lock older
 * than `staleMs` is taken to be left over from a killed process.
 */
export async function withDirectoryLock<T>(lock: string, staleMs: number, work: () => Promise<T>): Promise<T> {
  await mkdir(path.dirname(lock), { recursive: true })
  for (;;) {
    try {
      await mkdir(lock)
      break
    } catch {
      const since = await stat(lock).then((s) => Date.now() - s.mtimeMs, () => 0)
      if (since > staleMs) await rm(lock, { recursive: true, force: true })
      else await new Promise((resolve) => setTimeout(resolve, 300))
    }
  }
  try {
    return await work()
  } finally {
    await rm(lock, { recursive: true, force: true })
  }
}
