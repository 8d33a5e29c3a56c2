/**
 * Looking at a SQLite database file from outside the process that writes it: is it intact, what
 * does it hold, and is someone in the middle of a write transaction right now.
 */
import { readFileSync, statSync } from 'node:fs'
import { DatabaseSync } from 'node:sqlite'

/** `PRAGMA integrity_check` and row counts, read-only (open it only while nobody writes). */
export function inspectSqlite(file: string, tables: string[] = []): { integrity: string; counts: Record<string, number> } {
  const db = new DatabaseSync(file, { readOnly: true })
  try {
    const integrity = (db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[]).map((r) => r.integrity_check).join('\n')
    const counts = Object.fromEntries(tables.map((t) => [t, Number((db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n)]))
    return { integrity, counts }
  } finally {
    db.close()
  }
}

/**
 * True while some process holds SQLite's WAL write lock on `file` — it is inside a write
 * transaction (Payload's adapter begins them IMMEDIATE, so from BEGIN to COMMIT). SQLite takes it
 * as a POSIX lock on byte 120 of the -shm file, which Linux lists in /proc/locks by inode.
 */
export function sqliteWriterActive(file: string): boolean {
  let inode: number
  try {
    inode = statSync(`${file}-shm`).ino
  } catch {
    return false
  }
  return readFileSync('/proc/locks', 'utf8')
    .split('\n')
    .some((line) => {
      const m = line.match(/\bPOSIX\s+ADVISORY\s+WRITE\s+\d+\s+[0-9a-f]+:[0-9a-f]+:(\d+)\s+120\s+120\b/)
      return m !== null && Number(m[1]) === inode
    })
}
