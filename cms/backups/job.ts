/**
 * Backups inside the CMS: the nightly `backup` task on Payload's jobs queue, the copy taken before
 * migrations, and the `backups` records staff see in the admin. The folder format, copy and
 * retention are in backup.ts; restoring is `npm run restore` (scripts/restore.ts).
 */
import path from 'node:path'
import type { DatabaseAdapterObj, Migration, Payload, TaskConfig } from 'payload'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import { migrations as committedMigrations } from '../migrations'
import type { Backup } from '../payload-types'
import { createBackup, pruneBackups, type RunSql } from './backup'
import type { BackupManifest } from './manifest'
import { markOpen } from './open-marker'
import { backupDir, backupTarget } from './paths'

/** Every night at 02:00 in the CMS machine's local time (Payload's autoRun queues it; see payload.config.ts). */
export const NIGHTLY_CRON = '0 2 * * *'

export const UNSUPPORTED_ON_MONGODB =
  'Not supported for MongoDB: this backup copies the embedded SQLite file. Back up MongoDB with mongodump ' +
  '(or your host’s snapshots) and keep `npm run export` as the portable copy. See docs/backups.md.'

/** Raw SQL on the adapter's own libsql client (outside any Payload transaction). */
const sqlOf =
  (db: SQLiteAdapter): RunSql =>
  (sql, args = []) =>
    db.client.execute({ sql, args })

type RecordKind = Backup['kind']

async function record(payload: Payload, data: Omit<Backup, 'id' | 'createdAt' | 'updatedAt'>): Promise<Backup> {
  return payload.create({ collection: 'backups', data, overrideAccess: true })
}

const recordManifest = (payload: Payload, manifest: BackupManifest) =>
  record(payload, {
    name: manifest.name,
    kind: manifest.kind as RecordKind,
    result: 'succeeded',
    startedAt: manifest.startedAt,
    finishedAt: manifest.finishedAt,
    durationMs: manifest.durationMs,
    bytes: manifest.totalBytes,
    mediaFiles: manifest.media.length,
    path: path.join(backupDir(), manifest.name),
  })

/** Retention after a good copy; a failure here is logged, never turns a good backup into a failed one. */
async function applyRetention(payload: Payload) {
  try {
    const removed = await pruneBackups(backupDir())
    if (removed.length) {
      await payload.update({ collection: 'backups', where: { name: { in: removed } }, data: { removedAt: new Date().toISOString() }, overrideAccess: true })
    }
  } catch (error) {
    payload.logger.warn({ err: error, msg: 'Backup retention failed; older backups were kept' })
  }
}

/**
 * Makes one backup of the running CMS's database and media and records it. A failure is recorded
 * (result "failed" with the reason) and rethrown, so the job shows as failed too. On MongoDB it
 * records "unsupported" with what to do instead.
 */
export async function runBackup(payload: Payload, kind: 'nightly' | 'manual'): Promise<Backup> {
  const startedAt = new Date()
  if (payload.db.name !== 'sqlite') {
    return record(payload, { name: `${kind} (not made)`, kind, result: 'unsupported', startedAt: startedAt.toISOString(), error: UNSUPPORTED_ON_MONGODB })
  }
  let manifest: BackupManifest
  try {
    manifest = await createBackup({ kind, sql: sqlOf(payload.db as unknown as SQLiteAdapter), target: backupTarget() })
  } catch (error) {
    const finishedAt = new Date()
    await record(payload, {
      name: `${kind} (failed)`,
      kind,
      result: 'failed',
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationMs: finishedAt.getTime() - startedAt.getTime(),
      path: backupDir(),
      error: (error as Error).message,
    })
    throw error
  }
  const doc = await recordManifest(payload, manifest)
  payload.logger.info(`Backup ${manifest.name}: ${manifest.totalBytes} bytes in ${manifest.durationMs} ms`)
  await applyRetention(payload)
  return doc
}

type BackupTaskIO = {
  input: { kind?: 'nightly' | 'manual' | null }
  output: { name: string; result: string; bytes?: number | null }
}

/** The jobs-queue task. Scheduled nightly; staff or scripts can also queue `{ kind: 'manual' }`. */
export const backupTask: TaskConfig<BackupTaskIO> = {
  slug: 'backup',
  label: 'Back up the database and media',
  inputSchema: [
    {
      name: 'kind',
      type: 'select',
      options: [
        { label: 'Nightly', value: 'nightly' },
        { label: 'Manual', value: 'manual' },
      ],
    },
  ],
  outputSchema: [
    { name: 'name', type: 'text', required: true },
    { name: 'result', type: 'text', required: true },
    { name: 'bytes', type: 'number' },
  ],
  // The schedule queues the job in `default`, the queue jobs.autoRun runs; one at a time.
  schedule: [{ cron: NIGHTLY_CRON, queue: 'default' }],
  retries: 0,
  handler: async ({ input, req }) => {
    const doc = await runBackup(req.payload, input?.kind ?? 'nightly')
    return { output: { name: doc.name, result: doc.result, bytes: doc.bytes } }
  },
}

/** Names of committed migrations this database has not run yet, or [] for a database with none applied. */
export async function pendingMigrations(sql: RunSql, migrations: readonly { name: string }[]): Promise<{ applied: string[]; pending: string[] }> {
  let applied: string[]
  try {
    applied = Array.from((await sql('SELECT name FROM payload_migrations')).rows, (row) => String(row.name))
  } catch {
    return { applied: [], pending: [] } // a new, empty database: nothing to lose
  }
  const done = new Set(applied)
  return { applied, pending: migrations.map((m) => m.name).filter((name) => !done.has(name)) }
}

/**
 * Wraps the SQLite adapter so every `migrate` (prodMigrations on connect in production, onInit
 * elsewhere, and `payload migrate`) first copies a database that has data and pending migrations.
 * If that copy cannot be made, the migration does not run: start-up stops with the reason.
 * It also marks the database as open by this process until it exits (open-marker.ts), which is
 * how `npm run restore` knows a CMS or script is using it.
 */
export function backupBeforeMigrating(adapter: DatabaseAdapterObj): DatabaseAdapterObj {
  if (adapter.name !== 'sqlite') return adapter
  return {
    ...adapter,
    init: (args) => {
      const db = adapter.init(args) as unknown as SQLiteAdapter
      const url = String(db.clientConfig?.url ?? '')
      if (url.startsWith('file:')) {
        const unmark = markOpen(url.slice('file:'.length))
        const destroy = db.destroy?.bind(db)
        db.destroy = async () => {
          unmark()
          await destroy?.()
        }
      }
      const migrate = db.migrate.bind(db)
      db.migrate = async (options?: { migrations?: Migration[] }) => {
        const sql = sqlOf(db)
        const { applied, pending } = await pendingMigrations(sql, options?.migrations ?? (committedMigrations as Migration[]))
        let manifest: BackupManifest | undefined
        if (applied.length > 0 && pending.length > 0) {
          try {
            manifest = await createBackup({ kind: 'pre-migration', sql, target: backupTarget() })
          } catch (error) {
            throw new Error(
              `Could not back up the database before applying migrations (${pending.join(', ')}), so they were not applied: ` +
                `${(error as Error).message}. Fix the cause (BACKUP_DIR=${backupDir()} must be writable, with space for a copy) and start again.`,
            )
          }
          db.payload.logger.info(`Backed up the database to ${path.join(backupDir(), manifest.name)} before migrating`)
        }
        await migrate(options)
        if (manifest) {
          // Recorded after migrating: the backups collection may be one of the things the migration creates.
          await recordManifest(db.payload, manifest).catch((error) => db.payload.logger.warn({ err: error, msg: 'Could not record the pre-migration backup' }))
          await applyRetention(db.payload)
        }
      }
      return db as never
    },
  }
}
