/**
 * Makes one backup folder and applies retention. Independent of Payload: it is given a function
 * that runs SQL on the live database, so the nightly job (through the adapter's client) and the
 * pre-migration hook share it, and tests can call it directly.
 *
 * Consistency: `VACUUM INTO` copies the database inside one read transaction. In WAL mode that
 * transaction sees exactly the writes committed before it began and never blocks writers, so the
 * copy is taken while the CMS keeps working and contains every write acknowledged before it.
 * Media files are copied afterwards, so every file the copied database names is already on disk.
 */
import { existsSync } from 'node:fs'
import { chmod, cp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { backupName, backupsToPrune, parseBackupName, PARTIAL_PREFIX, RETENTION, type BackupEntry, type BackupKind, type RetentionPolicy } from './names'
import { DATABASE_FILE, describeFile, FORMAT, FORMAT_VERSION, listFiles, MANIFEST, MEDIA_FOLDER, readManifest, type BackupManifest, syncDir } from './manifest'
import { PRIVATE_FILE, privateFolder } from '../files/private'

/** Runs one SQL statement on the live database and returns its rows. */
export type RunSql = (sql: string, args?: (string | number)[]) => Promise<{ rows: ArrayLike<Record<string, unknown>> }>

export interface BackupTarget {
  /** The live SQLite file (for the manifest; the copy itself is made through `sql`). */
  databaseFile: string
  mediaDir: string
  backupDir: string
}

async function appliedMigrations(sql: RunSql): Promise<string[]> {
  try {
    const { rows } = await sql('SELECT name FROM payload_migrations ORDER BY id')
    return Array.from(rows, (row) => String(row.name))
  } catch {
    return [] // a database no migration has run on yet
  }
}

/**
 * Writes `<backupDir>/.partial-<name>/`, then renames it to `<name>/` once the manifest is in it:
 * a backup folder with a manifest is always complete. On failure the partial folder is removed.
 */
export async function createBackup({ kind, sql, target, now = () => new Date() }: { kind: BackupKind; sql: RunSql; target: BackupTarget; now?: () => Date }): Promise<BackupManifest> {
  const started = now()
  // A copy of the whole database: only this account may read it (cms/files/private.ts).
  await privateFolder(target.backupDir)
  let name = backupName(started, kind)
  for (let attempt = 2; existsSync(path.join(target.backupDir, name)) || existsSync(path.join(target.backupDir, PARTIAL_PREFIX + name)); attempt++) {
    name = backupName(started, kind, attempt)
  }
  const partial = path.join(target.backupDir, PARTIAL_PREFIX + name)
  // Private itself too: a backup folder copied elsewhere (rsync -a keeps modes) stays unreadable to others.
  await privateFolder(partial)
  try {
    const migrations = await appliedMigrations(sql)
    await sql('VACUUM INTO ?', [path.join(partial, DATABASE_FILE)])
    await chmod(path.join(partial, DATABASE_FILE), PRIVATE_FILE)
    if (existsSync(target.mediaDir)) await cp(target.mediaDir, path.join(partial, MEDIA_FOLDER), { recursive: true, errorOnExist: true, force: false })
    const database = await describeFile(partial, DATABASE_FILE)
    const media = []
    for (const file of await listFiles(partial, path.join(partial, MEDIA_FOLDER))) media.push(await describeFile(partial, file))
    const finished = now()
    const manifest: BackupManifest = {
      format: FORMAT,
      version: FORMAT_VERSION,
      name,
      kind,
      startedAt: started.toISOString(),
      finishedAt: finished.toISOString(),
      durationMs: finished.getTime() - started.getTime(),
      migrations,
      database,
      media,
      totalBytes: database.bytes + media.reduce((sum, file) => sum + file.bytes, 0),
      source: { database: target.databaseFile, media: target.mediaDir },
    }
    const manifestFile = path.join(partial, MANIFEST)
    await writeFile(manifestFile, JSON.stringify(manifest, null, 2) + '\n')
    await describeFile(partial, MANIFEST) // fsync
    await syncDir(partial)
    await rename(partial, path.join(target.backupDir, name))
    await syncDir(target.backupDir)
    return manifest
  } catch (error) {
    await rm(partial, { recursive: true, force: true })
    throw error
  }
}

/** Complete backups in a folder (name parses and a manifest is present), oldest first. */
export async function listBackups(backupDir: string): Promise<(BackupEntry & { manifest: BackupManifest })[]> {
  if (!existsSync(backupDir)) return []
  const found: (BackupEntry & { manifest: BackupManifest })[] = []
  for (const name of (await readdir(backupDir)).sort()) {
    const entry = parseBackupName(name)
    if (!entry) continue
    try {
      const manifest = await readManifest(path.join(backupDir, name))
      // The manifest's time has milliseconds: two backups in one second still order correctly.
      found.push({ ...entry, time: new Date(manifest.startedAt), manifest })
    } catch {
      // no manifest: not a backup this code wrote completely; never counted, never deleted
    }
  }
  return found.sort((a, b) => a.time.getTime() - b.time.getTime())
}

/**
 * Deletes the backups retention does not keep (see names.ts) and leftovers of interrupted runs
 * older than a day. Touches nothing else in the folder. Returns the names it deleted.
 */
export async function pruneBackups(backupDir: string, { policy = RETENTION, now = new Date() }: { policy?: RetentionPolicy; now?: Date } = {}): Promise<string[]> {
  const removed: string[] = []
  for (const entry of backupsToPrune(await listBackups(backupDir), policy)) {
    await rm(path.join(backupDir, entry.name), { recursive: true, force: true })
    removed.push(entry.name)
  }
  if (existsSync(backupDir)) {
    for (const name of await readdir(backupDir)) {
      if (!name.startsWith(PARTIAL_PREFIX)) continue
      const age = now.getTime() - (await stat(path.join(backupDir, name))).mtimeMs
      if (age > 86_400_000) {
        await rm(path.join(backupDir, name), { recursive: true, force: true })
        removed.push(name)
      }
    }
  }
  return removed
}
