/**
 * Which processes have the SQLite database open through Payload: each one leaves a file named by
 * its pid in `<database>.open/` while it runs (the CMS, a seed, an export, a site build). A restore
 * refuses while any of them is alive. SQLite's own locks cannot say this reliably: the adapter's
 * driver may have closed every connection of an idle CMS, which then reopens the file on its next
 * request. A marker left by a process that was killed names a pid that is gone and is ignored.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export const markerDir = (databaseFile: string) => `${databaseFile}.open`

/** Records that this process has the database open; returns a function that removes the record. */
export function markOpen(databaseFile: string): () => void {
  const file = path.join(markerDir(databaseFile), String(process.pid))
  mkdirSync(markerDir(databaseFile), { recursive: true })
  writeFileSync(file, `${new Date().toISOString()} ${process.argv.slice(1).join(' ')}\n`)
  const remove = () => rmSync(file, { force: true })
  process.once('exit', remove)
  return remove
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' // exists, owned by another user
  }
}

/** Other live processes that have the database open, each with what it is; stale markers are removed. */
export function openBy(databaseFile: string): { pid: number; what: string }[] {
  let names: string[]
  try {
    names = readdirSync(markerDir(databaseFile))
  } catch {
    return []
  }
  const open = []
  for (const name of names) {
    const pid = Number(name)
    if (!Number.isInteger(pid) || pid === process.pid) continue
    const file = path.join(markerDir(databaseFile), name)
    if (!alive(pid)) {
      rmSync(file, { force: true })
      continue
    }
    let what = ''
    try {
      what = readFileSync(file, 'utf8').trim()
    } catch {
      // removed meanwhile: it has just closed
      continue
    }
    open.push({ pid, what })
  }
  return open
}
