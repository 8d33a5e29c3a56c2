/**
 * Restoring a backup folder over the embedded database and media folder, for `npm run restore`.
 * Runs without Payload (Node's built-in SQLite reads the files), because the CMS must be stopped.
 *
 * Order, so that no step leaves a half-restored site:
 *   1. refuse while the CMS runs (the database is open in another process, or the CMS port answers);
 *   2. verify the backup against its manifest (sizes, SHA-256), and that this code knows its schema;
 *   3. copy it beside the live files under temporary names and check the copy opens (quick_check);
 *   4. move the current database and media aside into a dated folder, itself a restorable backup;
 *   5. rename the copies into place (atomic within the folder). On failure the old files go back.
 */
import { existsSync } from 'node:fs'
import { copyFile, cp, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { createConnection } from 'node:net'
import path from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { projectRoot } from '../paths'
import { backupName } from './names'
import { openBy } from './open-marker'
import { BackupError, DATABASE_FILE, describeFile, FORMAT, FORMAT_VERSION, listFiles, MANIFEST, MEDIA_FOLDER, sha256File, verifyBackup, type BackupManifest, syncDir } from './manifest'

export interface RestoreTarget {
  databaseFile: string
  mediaDir: string
  /** The CMS's port: if something answers there, the CMS may be running. */
  cmsPort: number
}

export interface RestoreResult {
  manifest: BackupManifest
  /** The folder holding what was live before, or undefined if there was nothing. */
  previous?: string
  /** Migrations in this code that the restored database has not run: applied on the next start. */
  pendingMigrations: string[]
  durationMs: number
}

/** Committed migration names, from cms/migrations (without loading them: they pull in the adapter). */
export async function committedMigrationNames(dir = path.join(projectRoot, 'cms', 'migrations')): Promise<string[]> {
  return (await readdir(dir))
    .filter((file) => /^\d{8}_\d{6}_.+\.ts$/.test(file))
    .map((file) => file.replace(/\.ts$/, ''))
    .sort()
}

/**
 * True when another connection has the SQLite file open: in WAL mode every open connection holds
 * a shared lock, so asking for an exclusive one fails at once. A file nobody has open is free.
 */
export function databaseInUse(file: string): boolean {
  if (!existsSync(file)) return false
  const db = new DatabaseSync(file, { timeout: 0 })
  try {
    db.exec('PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;')
    db.exec('ROLLBACK')
    return false
  } catch (error) {
    if (/locked|busy/i.test((error as Error).message)) return true
    throw error
  } finally {
    db.close()
  }
}

/** True when something accepts connections on localhost:port. */
export function portAnswers(port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port })
    const done = (answer: boolean) => {
      socket.destroy()
      resolve(answer)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
  })
}

/**
 * Why a restore must not run now, or null. Three signs, any one enough: a live process has marked
 * the database open (open-marker.ts), SQLite cannot get an exclusive lock on it, or something
 * answers on the CMS port (a CMS that has not opened the database yet).
 */
export async function whyNotNow(target: RestoreTarget): Promise<string | null> {
  const users = openBy(target.databaseFile)
  if (users.length) {
    return (
      `The database ${target.databaseFile} is open in another process — the CMS (npm start, npm run cms, npm run dev) or a script: ` +
      users.map(({ pid, what }) => `pid ${pid} (${what})`).join('; ') +
      '. Stop it, then restore.'
    )
  }
  if (databaseInUse(target.databaseFile)) {
    return `The database ${target.databaseFile} is open in another process — the CMS (npm start, npm run cms, npm run dev) or a script is running. Stop it, then restore.`
  }
  if (await portAnswers(target.cmsPort)) {
    return `Something is answering on the CMS port ${target.cmsPort} — the CMS is probably running. Stop it, then restore. (If that is another program, set CMS_PORT to the port this CMS uses.)`
  }
  return null
}

/** Rename, or copy and delete when the two paths are on different file systems. */
async function move(from: string, to: string) {
  try {
    await rename(from, to)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
    await cp(from, to, { recursive: true })
    await rm(from, { recursive: true, force: true })
  }
}

function quickCheck(file: string): string {
  const db = new DatabaseSync(file, { readOnly: true })
  try {
    return String((db.prepare('PRAGMA quick_check').get() as { quick_check: string }).quick_check)
  } finally {
    db.close()
  }
}

function migrationsIn(file: string): string[] {
  const db = new DatabaseSync(file, { readOnly: true })
  try {
    return db.prepare('SELECT name FROM payload_migrations ORDER BY id').all().map((row) => String((row as { name: string }).name))
  } catch {
    return []
  } finally {
    db.close()
  }
}

/**
 * Moves the live database (with any -wal/-shm) and media folder into `folder`. The database is
 * first checkpointed into a single file, so the folder is a complete backup with a manifest and
 * `npm run restore -- <folder>` puts it back.
 */
async function moveAside(target: RestoreTarget, folder: string, now: Date): Promise<boolean> {
  const hasDatabase = existsSync(target.databaseFile)
  const hasMedia = existsSync(target.mediaDir)
  if (!hasDatabase && !hasMedia) return false
  await mkdir(folder)
  let selfContained = false
  if (hasDatabase) {
    try {
      const db = new DatabaseSync(target.databaseFile)
      db.exec('PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;')
      db.close()
      selfContained = true
    } catch {
      // a damaged database is still kept, with its -wal beside it, just without a manifest
    }
    for (const suffix of ['', '-wal', '-shm', '-journal']) {
      const file = target.databaseFile + suffix
      if (!existsSync(file)) continue
      // After a clean checkpoint the shared-memory index is stale: drop it rather than keep it.
      if (selfContained && suffix === '-shm') await rm(file)
      else await rename(file, path.join(folder, DATABASE_FILE + suffix))
    }
  }
  if (hasMedia) await move(target.mediaDir, path.join(folder, MEDIA_FOLDER))
  if (!hasDatabase || !selfContained) return true // kept, but not described by a manifest
  const database = await describeFile(folder, DATABASE_FILE)
  const media = []
  for (const file of await listFiles(folder, path.join(folder, MEDIA_FOLDER))) media.push(await describeFile(folder, file))
  const manifest: BackupManifest = {
    format: FORMAT,
    version: FORMAT_VERSION,
    name: path.basename(folder),
    kind: 'before-restore',
    startedAt: now.toISOString(),
    finishedAt: new Date().toISOString(),
    durationMs: 0,
    migrations: migrationsIn(path.join(folder, DATABASE_FILE)),
    database,
    media,
    totalBytes: database.bytes + media.reduce((sum, file) => sum + file.bytes, 0),
    source: { database: target.databaseFile, media: target.mediaDir },
  }
  await writeFile(path.join(folder, MANIFEST), JSON.stringify(manifest, null, 2) + '\n')
  return true
}

/** Puts what moveAside moved back where it was (after a failed restore). */
async function moveBack(target: RestoreTarget, folder: string) {
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    const from = path.join(folder, DATABASE_FILE + suffix)
    if (existsSync(from)) await rename(from, target.databaseFile + suffix)
  }
  if (existsSync(path.join(folder, MEDIA_FOLDER))) await move(path.join(folder, MEDIA_FOLDER), target.mediaDir)
  await rm(folder, { recursive: true, force: true })
}

export async function restoreBackup(backup: string, target: RestoreTarget, { now = new Date() } = {}): Promise<RestoreResult> {
  const started = performance.now()
  const reason = await whyNotNow(target)
  if (reason) throw new BackupError(reason)

  const manifest = await verifyBackup(backup)
  const known = await committedMigrationNames()
  const unknown = manifest.migrations.filter((name) => !known.includes(name))
  if (unknown.length) {
    throw new BackupError(
      `This backup was made by a newer version of CSP Hub: its database has migrations this code does not have (${unknown.join(', ')}). ` +
        'Update the code to that version first, then restore.',
    )
  }

  // 3. Copies beside the live files (same file system, so the final renames are atomic).
  const databaseDir = path.dirname(target.databaseFile)
  await mkdir(databaseDir, { recursive: true })
  const stagedDatabase = path.join(databaseDir, `.restoring-${manifest.name}.sqlite`)
  const stagedMedia = `${target.mediaDir}.restoring-${manifest.name}`
  await rm(stagedDatabase, { force: true })
  await rm(stagedMedia, { recursive: true, force: true })
  try {
    await copyFile(path.join(backup, DATABASE_FILE), stagedDatabase)
    if ((await sha256File(stagedDatabase)) !== manifest.database.sha256) throw new BackupError(`Copying ${DATABASE_FILE} from ${backup} did not give the same bytes; nothing was changed.`)
    await describeFile(databaseDir, path.basename(stagedDatabase)) // fsync
    const check = quickCheck(stagedDatabase)
    if (check !== 'ok') throw new BackupError(`The database in ${backup} does not pass SQLite's quick_check (${check}); nothing was changed.`)
    await mkdir(path.dirname(stagedMedia), { recursive: true })
    if (existsSync(path.join(backup, MEDIA_FOLDER))) await cp(path.join(backup, MEDIA_FOLDER), stagedMedia, { recursive: true })
    else await mkdir(stagedMedia)
  } catch (error) {
    await rm(stagedDatabase, { force: true })
    await rm(stagedMedia, { recursive: true, force: true })
    throw error
  }

  // Checked again just before touching the live files: the CMS may have been started meanwhile.
  const lateReason = await whyNotNow(target)
  if (lateReason) {
    await rm(stagedDatabase, { force: true })
    await rm(stagedMedia, { recursive: true, force: true })
    throw new BackupError(lateReason)
  }

  // 4 and 5.
  let aside = path.join(databaseDir, backupName(now, 'before-restore'))
  for (let attempt = 2; existsSync(aside); attempt++) aside = path.join(databaseDir, backupName(now, 'before-restore', attempt))
  const movedAside = await moveAside(target, aside, now)
  try {
    await rename(stagedDatabase, target.databaseFile)
    await move(stagedMedia, target.mediaDir)
    await syncDir(databaseDir)
  } catch (error) {
    await rm(target.databaseFile, { force: true })
    await rm(target.mediaDir, { recursive: true, force: true })
    if (movedAside) await moveBack(target, aside)
    await rm(stagedDatabase, { force: true })
    await rm(stagedMedia, { recursive: true, force: true })
    throw error
  }

  const restored = new Set(manifest.migrations)
  return {
    manifest,
    previous: movedAside ? aside : undefined,
    pendingMigrations: known.filter((name) => !restored.has(name)),
    durationMs: Math.round(performance.now() - started),
  }
}
