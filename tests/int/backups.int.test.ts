/**
 * Backups without anyone remembering: the `backup` task is on Payload's jobs queue with a nightly
 * schedule that the CMS's autoRun tick queues and runs; each run leaves a complete folder and a
 * `backups` record staff can read (and nobody else); a failure is recorded with its reason; a
 * database with pending migrations is copied before they run, and that copy restores and migrates.
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import { _internal_jobSystemGlobals, _internal_resetJobSystemGlobals, type Migration, type Payload } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { listBackups } from '../../cms/backups/backup'
import { verifyBackup } from '../../cms/backups/manifest'
import { committedMigrationNames, restoreBackup } from '../../cms/backups/restore'
import { migrations } from '../../cms/migrations'
import { freePort } from '../helpers/ports'
import { throwawayPayload } from '../helpers/payload'

const run = promisify(execFile)
const TSX = path.resolve('node_modules/.bin/tsx')

let payload: Payload
let dir: string
// Imported after the throwaway environment is set: the media collection reads MEDIA_DIR on import.
let job: typeof import('../../cms/backups/job')
const backupDir = mkdtempSync(path.join(tmpdir(), 'csp-hub-backup-dir-'))

beforeAll(async () => {
  ;({ payload, dir } = await throwawayPayload('backups'))
  // BACKUP_DIR is read when a backup is made; this test's own folder, to list what it made.
  process.env.BACKUP_DIR = backupDir
  job = await import('../../cms/backups/job')
})
afterAll(async () => {
  await payload?.destroy()
})
afterEach(() => {
  process.env.BACKUP_DIR = backupDir
  _internal_resetJobSystemGlobals()
})

const folders = () => readdirSync(backupDir).filter((name) => !name.startsWith('.'))

describe('the nightly backup job', () => {
  it('is a task with a nightly schedule on the queue the CMS autoRun runs', () => {
    const task = payload.config.jobs.tasks?.find((t) => t.slug === 'backup')
    expect(task?.schedule).toEqual([{ cron: job.NIGHTLY_CRON, queue: 'default' }])
    expect(job.NIGHTLY_CRON).toBe('0 2 * * *')
    const autoRun = payload.config.jobs.autoRun as { cron?: string; queue?: string; disableScheduling?: boolean }[]
    // autoRun's tick is what queues scheduled tasks (payload handleSchedules), for its own queue only.
    expect(autoRun.some((a) => a.queue === 'default' && !a.disableScheduling)).toBe(true)
    expect(payload.config.jobs.scheduling).toBe(true)
  })

  it('is queued for 02:00 by the autoRun tick, runs when 02:00 comes, and leaves a folder and a record', async () => {
    // An afternoon tick: the job is queued to wait until the next 02:00 (local time), once.
    const afternoon = new Date()
    afternoon.setHours(15, 0, 0, 0)
    _internal_jobSystemGlobals.getCurrentDate = () => afternoon
    const first = await payload.jobs.handleSchedules({ queue: 'default' })
    // The default queue's daily tasks: the backup, and (issue 21) closing reviews' publication windows at 02:15.
    expect(first.queued.map((q) => q.taskConfig?.slug).sort()).toEqual(['backup', 'review-publication-window'])
    const second = await payload.jobs.handleSchedules({ queue: 'default' })
    expect(second.queued).toEqual([]) // one waiting job is enough
    const { docs: jobs } = await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'backup' } }, overrideAccess: true })
    expect(jobs).toHaveLength(1)
    const waitUntil = new Date(jobs[0]!.waitUntil!)
    expect([waitUntil.getHours(), waitUntil.getMinutes()]).toEqual([2, 0])
    // Payload reckons the next 02:00 from the real clock or from the tick's, depending on where; either
    // way it is the next 02:00 after one of them (this test runs at any time of day, 00:00–02:00 included).
    const ahead = (from: Date) => waitUntil.getTime() - from.getTime()
    expect([afternoon, new Date()].some((from) => ahead(from) > 0 && ahead(from) <= 24 * 3600_000), waitUntil.toISOString()).toBe(true)

    // Before 02:00 the queue leaves it alone.
    _internal_jobSystemGlobals.getCurrentDate = () => new Date(waitUntil.getTime() - 60_000)
    await payload.jobs.run({ queue: 'default' })
    expect(folders()).toEqual([])

    // At 02:01 the autoRun tick's run picks it up.
    _internal_jobSystemGlobals.getCurrentDate = () => new Date(waitUntil.getTime() + 60_000)
    await payload.jobs.run({ queue: 'default' })
    // Payload deletes a job that completed; a failed one would stay, with hasError.
    expect((await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'backup' } }, overrideAccess: true })).docs).toEqual([])

    const [name] = folders()
    expect(name).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z-nightly$/)
    const manifest = await verifyBackup(path.join(backupDir, name!))
    expect(manifest.database.bytes).toBeGreaterThan(0)
    expect(manifest.migrations).toEqual(await committedMigrationNames())

    const { docs: records } = await payload.find({ collection: 'backups', where: { name: { equals: name } }, overrideAccess: true })
    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({ kind: 'nightly', result: 'succeeded', path: path.join(backupDir, name!), bytes: manifest.totalBytes })
    expect(records[0]!.bytes).toBeGreaterThan(0)
    expect(new Date(records[0]!.finishedAt!).getTime()).toBeGreaterThanOrEqual(new Date(records[0]!.startedAt).getTime())
  })

  it('can also be queued by hand ({ kind: "manual" }) and run at once', async () => {
    const queued = await payload.jobs.queue({ task: 'backup', input: { kind: 'manual' } })
    await payload.jobs.runByID({ id: queued.id })
    const record = (await payload.find({ collection: 'backups', where: { kind: { equals: 'manual' } }, overrideAccess: true })).docs[0]
    expect(record?.result).toBe('succeeded')
    expect(existsSync(path.join(backupDir, record!.name, 'manifest.json'))).toBe(true)
  })

  it('records a failed backup with its reason and leaves no half-written folder', async () => {
    const notAFolder = path.join(dir, 'a-file')
    writeFileSync(notAFolder, 'BACKUP_DIR must be a folder')
    process.env.BACKUP_DIR = notAFolder
    await expect(job.runBackup(payload, 'manual')).rejects.toThrow()
    const failed = (await payload.find({ collection: 'backups', where: { result: { equals: 'failed' } }, overrideAccess: true })).docs
    expect(failed).toHaveLength(1)
    expect(failed[0]!.error).toMatch(/EEXIST|ENOTDIR|not a directory|file already exists/i)
    expect(readdirSync(backupDir).filter((name) => name.startsWith('.partial-'))).toEqual([])
  })

  it('on MongoDB records that it is not supported and what to use instead, rather than pretending', async () => {
    const created: Record<string, unknown>[] = []
    const mongo = { db: { name: 'mongoose' }, create: async ({ data }: { data: Record<string, unknown> }) => (created.push(data), data) }
    const record = await job.runBackup(mongo as unknown as Payload, 'nightly')
    expect(record.result).toBe('unsupported')
    expect(record.error).toBe(job.UNSUPPORTED_ON_MONGODB)
    expect(job.UNSUPPORTED_ON_MONGODB).toMatch(/mongodump/)
    expect(job.UNSUPPORTED_ON_MONGODB).toMatch(/npm run export/)
    expect(created).toHaveLength(1)
  })
})

describe('the backups list in the admin', () => {
  it('is readable by staff only, and nobody can create, change or delete a record', async () => {
    const editor = { id: 1, role: 'editor', collection: 'users' }
    const partner = { id: 2, role: 'partner', organisation: 1, collection: 'users' }
    expect((await payload.find({ collection: 'backups', overrideAccess: false, user: editor as never })).totalDocs).toBeGreaterThan(0)
    await expect(payload.find({ collection: 'backups', overrideAccess: false, user: partner as never })).rejects.toThrow(/not allowed/i)
    await expect(payload.find({ collection: 'backups', overrideAccess: false })).rejects.toThrow(/not allowed/i)
    const data = { name: 'x', kind: 'manual', result: 'succeeded', startedAt: new Date().toISOString() } as const
    await expect(payload.create({ collection: 'backups', data, overrideAccess: false, user: editor as never })).rejects.toThrow(/not allowed/i)
    const any = (await payload.find({ collection: 'backups', limit: 1, overrideAccess: true })).docs[0]!
    await expect(payload.delete({ collection: 'backups', id: any.id, overrideAccess: false, user: editor as never })).rejects.toThrow(/not allowed/i)
    // Hidden from partners' navigation, like the other Admin screens.
    const hidden = payload.collections.backups.config.admin.hidden as (args: { user: unknown }) => boolean
    expect([hidden({ user: partner }), hidden({ user: editor })]).toEqual([true, false])
  })
})

describe('before a migration', () => {
  it('copies a database that has pending migrations before running them; the copy restores and migrates', async () => {
    // Take this database back to before the newest migration, as if the code had just been updated.
    const newest = migrations.at(-1)!
    const db = payload.db as unknown as SQLiteAdapter
    await newest.down({ db: db.drizzle, payload, req: {} } as never)
    await db.client.execute({ sql: 'DELETE FROM payload_migrations WHERE name = ?', args: [newest.name] })
    const before = new Set((await listBackups(backupDir)).map((b) => b.name))

    await payload.db.migrate({ migrations: migrations as Migration[] })

    const made = (await listBackups(backupDir)).filter((b) => !before.has(b.name))
    expect(made.map((b) => b.kind)).toEqual(['pre-migration'])
    const copy = made[0]!
    expect(copy.manifest.migrations).not.toContain(newest.name)
    expect(copy.manifest.migrations).toEqual(migrations.slice(0, -1).map((m) => m.name))
    // The migration ran after the copy, and the copy is in the admin list (the migration recreated it).
    const applied = Array.from((await db.client.execute('SELECT name FROM payload_migrations')).rows, (row) => row.name)
    expect(applied).toContain(newest.name)
    expect((await payload.find({ collection: 'backups', where: { kind: { equals: 'pre-migration' } }, overrideAccess: true })).docs.map((d) => d.name)).toEqual([copy.name])

    // Nothing pending now: migrating again makes no copy.
    await payload.db.migrate({ migrations: migrations as Migration[] })
    expect((await listBackups(backupDir)).filter((b) => b.kind === 'pre-migration').map((b) => b.name)).toEqual([copy.name])

    // The copy restores into a new place and the CMS opens it, applying the newest migration.
    const restored = mkdtempSync(path.join(tmpdir(), 'csp-hub-pre-migration-restored-'))
    const target = { databaseFile: path.join(restored, 'csp-hub.db'), mediaDir: path.join(restored, 'media'), cmsPort: await freePort() }
    const result = await restoreBackup(path.join(backupDir, copy.name), target)
    expect(result.pendingMigrations).toEqual([newest.name])
    const env = { ...process.env, DATABASE_URI: `file:${target.databaseFile}`, MEDIA_DIR: target.mediaDir, BACKUP_DIR: path.join(restored, 'backups') }
    const out = (await run(TSX, ['tests/int/backup-restore.inspect.ts'], { env })).stdout
    const inspected = JSON.parse(out.split('\n').find((line) => line.startsWith('INSPECT '))!.slice('INSPECT '.length))
    expect(inspected.integrity).toBe('ok')
    expect(inspected.migrations).toEqual(migrations.map((m) => m.name))
    // Opening it with a pending migration took its own pre-migration copy first.
    expect((await listBackups(path.join(restored, 'backups'))).map((b) => b.kind)).toEqual(['pre-migration'])
  })
})
