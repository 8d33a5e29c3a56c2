/**
 * Fault test: a backup taken while writes go on restores to a database that opens, migrates and
 * contains every write acknowledged before the backup began. Writes come from a second process
 * (its own Payload on the same SQLite file) and from this one, before, during and after the copy.
 * Then `npm run restore`: refuses while the database is open or the CMS port answers, refuses an
 * incomplete or damaged backup, and keeps what it replaces so a restore can be undone.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { promisify } from 'node:util'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyBackup } from '../../cms/backups/manifest'
import { committedMigrationNames, restoreBackup } from '../../cms/backups/restore'
import { seedFromFolder } from '../../cms/seed/seed'
import { freePort } from '../helpers/ports'
import { throwawayPayload } from '../helpers/payload'

const run = promisify(execFile)
const TSX = path.resolve('node_modules/.bin/tsx')

let payload: Payload
let dir: string
let backupFolder: string
const backupDir = mkdtempSync(path.join(tmpdir(), 'csp-hub-backup-dir-'))
const work = mkdtempSync(path.join(tmpdir(), 'csp-hub-restore-'))
let inspected: { organisations: string[]; versionlessOrganisations: number; migrations: string[]; integrity: string; media: { filename: string; onDisk: boolean }[] }
let acknowledgedBefore: string[] = []
let acknowledgedAfter: string[] = []
let writesDuringBackup = 0
let mediaFiles: string[] = []
let writerProcess: ChildProcess | undefined
let writing = true

/** `npm run restore -- <args>` with the given database, media folder and CMS port. */
async function restoreCommand(args: string[], env: Record<string, string>): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(TSX, ['scripts/restore.ts', ...args], { env: { ...process.env, BACKUP_DIR: backupDir, ...env } })
    return { code: 0, output: stdout + stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, output: e.stdout + e.stderr }
  }
}

function startWriter(prefix: string): { child: ChildProcess; acks: Map<string, number>; ready: Promise<void> } {
  const child = spawn(TSX, ['tests/int/backup-writer.ts', prefix], { env: process.env, stdio: ['pipe', 'pipe', 'inherit'] })
  const acks = new Map<string, number>()
  let markReady: () => void
  const ready = new Promise<void>((resolve) => (markReady = resolve))
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (line === 'READY') markReady()
    const ack = /^ACK (.+) (\d+)$/.exec(line)
    if (ack) acks.set(ack[1]!, Number(ack[2]))
  })
  return { child, acks, ready }
}

const until = async (condition: () => boolean, what: string, timeoutMs = 60_000) => {
  const end = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

beforeAll(async () => {
  ;({ payload, dir } = await throwawayPayload('backup-restore'))
  process.env.BACKUP_DIR = backupDir
  // Imported only now: the media collection reads MEDIA_DIR when it is first imported.
  const { runBackup } = await import('../../cms/backups/job')
  // Real content, and uploads, so the copy is not trivially small.
  await seedFromFolder(payload, path.resolve('content'))
  for (const [i, colour] of ['#1d70b8', '#d4351c', '#00703c'].entries()) {
    const file = path.join(dir, `upload-${i}.png`)
    await sharp({ create: { width: 900, height: 600, channels: 3, background: colour } }).png().toFile(file)
    await payload.create({ collection: 'media', data: { alt: `Test image ${i}` }, filePath: file })
  }
  mediaFiles = readdirSync(process.env.MEDIA_DIR!).sort()

  // Another process writing to the same database file, and this process writing too.
  const writer = startWriter('Other process')
  writerProcess = writer.child
  await writer.ready
  await until(() => writer.acks.size >= 10, 'the other process to write')
  const local: string[] = []
  const localWrites = (async () => {
    for (let i = 0; writing; i++) {
      try {
        await payload.create({ collection: 'organisations', data: { name: `This process ${i}`, slug: `this-process-${i}`, type: 'charity', _status: 'published' } })
        local.push(`This process ${i}`)
      } catch (error) {
        console.warn(`write ${i} refused (not acknowledged, so not owed): ${(error as Error).message}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
  })()
  await until(() => local.length >= 5, 'this process to write')

  // Everything acknowledged by now must be in the copy.
  acknowledgedBefore = [...writer.acks.keys(), ...local]
  const began = Date.now()
  const record = await runBackup(payload, 'manual')
  const ended = Date.now()
  backupFolder = path.join(backupDir, record.name)
  writesDuringBackup = [...writer.acks.values()].filter((time) => time > began && time < ended).length

  // Writes go on after the copy, then stop.
  const afterCount = writer.acks.size
  await until(() => writer.acks.size >= afterCount + 5, 'writes after the backup')
  writing = false
  await localWrites
  writer.child.stdin!.end()
  await new Promise((resolve) => writer.child.once('exit', resolve))
  acknowledgedAfter = [...writer.acks].filter(([, time]) => time > ended).map(([name]) => name)
  console.log(
    `backup ${record.name}: ${record.bytes} bytes in ${ended - began} ms; writes acknowledged before it began ${acknowledgedBefore.length}, ` +
      `by the other process during it ${writesDuringBackup}, after it ${acknowledgedAfter.length}`,
  )

  // Restore into a new place and open it with the CMS in a fresh process.
  const target = { databaseFile: path.join(work, 'first', 'csp-hub.db'), mediaDir: path.join(work, 'first', 'media'), cmsPort: await freePort() }
  await restoreBackup(backupFolder, target)
  const env = { ...process.env, DATABASE_URI: `file:${target.databaseFile}`, MEDIA_DIR: target.mediaDir, BACKUP_DIR: path.join(work, 'first-backups') }
  const out = (await run(TSX, ['tests/int/backup-restore.inspect.ts'], { env })).stdout
  inspected = JSON.parse(out.split('\n').find((line) => line.startsWith('INSPECT '))!.slice('INSPECT '.length))
}, 240_000)

afterAll(async () => {
  writing = false
  if (writerProcess && writerProcess.exitCode === null) writerProcess.kill()
  await payload?.destroy()
})

describe('a backup taken while writes go on', () => {
  it('was taken while another process was writing', () => {
    expect(acknowledgedBefore.length).toBeGreaterThanOrEqual(15)
    // Writes the other process finished between the start and the end of the backup.
    expect(writesDuringBackup).toBeGreaterThan(0)
  })

  it('restores to a database that opens, passes integrity_check and has every migration', async () => {
    expect(inspected.integrity).toBe('ok')
    expect(inspected.migrations).toEqual(await committedMigrationNames())
  })

  it('contains every write acknowledged before the backup began, each one whole', () => {
    const restored = new Set(inspected.organisations)
    expect(acknowledgedBefore.filter((name) => !restored.has(name))).toEqual([])
    expect(inspected.versionlessOrganisations).toBe(0)
  })

  it('is a copy as of that moment: writes acknowledged after it finished are not in it', () => {
    expect(acknowledgedAfter.length).toBeGreaterThan(0)
    const restored = new Set(inspected.organisations)
    expect(acknowledgedAfter.filter((name) => restored.has(name))).toEqual([])
  })

  it('brings back the media files, each one named by a restored media record', () => {
    expect(inspected.media).toHaveLength(3)
    expect(inspected.media.every((m) => m.onDisk)).toBe(true)
    expect(readdirSync(path.join(work, 'first', 'media')).sort()).toEqual(mediaFiles)
  })
})

describe('npm run restore', () => {
  it('refuses while the CMS has the database open, and changes nothing', async () => {
    // This test process's Payload has the live database open, as a running CMS does.
    const database = process.env.DATABASE_URI!.slice('file:'.length)
    const { code, output } = await restoreCommand([backupFolder], { DATABASE_URI: process.env.DATABASE_URI!, MEDIA_DIR: process.env.MEDIA_DIR!, CMS_PORT: String(await freePort()) })
    expect(code).toBe(1)
    expect(output).toMatch(/is open in another process/)
    // Named by the marker Payload's adapter leaves while this process has the database open.
    expect(output).toContain(`pid ${process.pid}`)
    expect(output).toMatch(/Not restored/)
    expect(readdirSync(path.dirname(database)).filter((name) => name.includes('before-restore') || name.includes('.restoring-'))).toEqual([])
    expect(existsSync(database)).toBe(true)
  })

  it('refuses while something answers on the CMS port', async () => {
    const server: Server = createServer()
    const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)))
    try {
      const fresh = path.join(work, 'port')
      const { code, output } = await restoreCommand([backupFolder], { DATABASE_URI: `file:${path.join(fresh, 'csp-hub.db')}`, MEDIA_DIR: path.join(fresh, 'media'), CMS_PORT: String(port) })
      expect(code).toBe(1)
      expect(output).toMatch(new RegExp(`CMS port ${port}`))
      expect(existsSync(path.join(fresh, 'csp-hub.db'))).toBe(false)
    } finally {
      server.close()
    }
  })

  it('refuses a backup without a manifest (interrupted), a damaged one, one with a missing file, and a name that does not exist', async () => {
    const env = { DATABASE_URI: `file:${path.join(work, 'refused', 'csp-hub.db')}`, MEDIA_DIR: path.join(work, 'refused', 'media'), CMS_PORT: String(await freePort()) }
    const copy = (name: string) => {
      const to = path.join(work, name)
      cpSync(backupFolder, to, { recursive: true })
      return to
    }
    const interrupted = copy('interrupted')
    rmSync(path.join(interrupted, 'manifest.json'))
    const damaged = copy('damaged')
    const db = readFileSync(path.join(damaged, 'database.sqlite'))
    db[db.length - 100] ^= 0xff
    writeFileSync(path.join(damaged, 'database.sqlite'), db)
    const incomplete = copy('incomplete')
    rmSync(path.join(incomplete, 'media', mediaFiles[0]!))

    const cases: [string, RegExp][] = [
      [interrupted, /has no manifest\.json, so it is not a complete backup/],
      [damaged, /database\.sqlite does not match its checksum/],
      [incomplete, new RegExp(`incomplete: media/${mediaFiles[0]!.replace(/[.]/g, '\\.')} is missing`)],
      ['2020-01-01T02-00-00Z-nightly', /There is no backup called 2020-01-01T02-00-00Z-nightly/],
    ]
    for (const [backup, message] of cases) {
      const { code, output } = await restoreCommand([backup], env)
      expect(code, backup).toBe(1)
      expect(output, backup).toMatch(message)
    }
    expect(existsSync(path.join(work, 'refused'))).toBe(false)
  })

  it('lists the backups when given no argument', async () => {
    const { code, output } = await restoreCommand([], { DATABASE_URI: `file:${path.join(work, 'x.db')}` })
    expect(code).toBe(0)
    expect(output).toContain(path.basename(backupFolder))
    expect(output).toMatch(/npm run restore -- latest/)
  })

  it('restores over an existing database, keeping what was there as a backup that restores it back', async () => {
    const target = path.join(work, 'first')
    const env = { DATABASE_URI: `file:${path.join(target, 'csp-hub.db')}`, MEDIA_DIR: path.join(target, 'media'), CMS_PORT: String(await freePort()) }
    // Make the live copy differ from the backup, so undoing is visible.
    writeFileSync(path.join(target, 'media', 'added-after.txt'), 'a file that is not in the backup')
    // A marker left by a CMS that was killed (its pid is gone) does not block the restore.
    mkdirSync(path.join(target, 'csp-hub.db.open'), { recursive: true })
    writeFileSync(path.join(target, 'csp-hub.db.open', '999999999'), 'a killed CMS')

    const started = performance.now()
    const { code, output } = await restoreCommand(['latest'], env)
    const seconds = (performance.now() - started) / 1000
    expect(code, output).toBe(0)
    expect(output).toMatch(new RegExp(`Restored ${path.basename(backupFolder)}`))
    const kept = /kept in (\S+)/.exec(output)![1]!
    const previous = path.resolve(kept)
    expect(path.basename(previous)).toMatch(/Z-before-restore$/)
    expect(readdirSync(path.join(target, 'media'))).not.toContain('added-after.txt')
    const manifest = await verifyBackup(previous)
    expect(manifest.kind).toBe('before-restore')
    expect(manifest.media.map((m) => m.path)).toContain('media/added-after.txt')
    expect(readdirSync(target).filter((name) => name.startsWith('.restoring-') || name.endsWith('-wal'))).toEqual([])

    expect(existsSync(path.join(target, 'csp-hub.db.open', '999999999'))).toBe(false)

    const undo = await restoreCommand([previous], env)
    expect(undo.code, undo.output).toBe(0)
    expect(readdirSync(path.join(target, 'media'))).toContain('added-after.txt')
    console.log(`restore of ${path.basename(backupFolder)} by npm run restore: ${seconds.toFixed(1)} s (including tsx start-up)`)
  })
})
