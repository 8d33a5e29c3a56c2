/**
 * What the CMS keeps is readable by its own account only (cms/files/private.ts): the database and
 * its WAL, the default data folder, backups, exports and the mail outbox. Before, they were made
 * with the default umask: 0644 files in 0755 folders, readable by every account on the server.
 */
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openBits } from '../../cms/files/private'
import { outboxTransport } from '../../cms/email/config'
import { exportContent } from '../../cms/seed/export'
import { throwawayPayload } from '../helpers/payload'

let payload: Payload
let dir: string

beforeAll(async () => {
  ;({ payload, dir } = await throwawayPayload('private'))
})
afterAll(async () => {
  await payload?.destroy()
})

const mode = (file: string) => `0${(statSync(file).mode & 0o777).toString(8)}`

describe('private files', () => {
  it('the database and its WAL are readable by this account only', () => {
    const db = path.join(dir, 'test.db')
    for (const file of [db, `${db}-wal`]) {
      expect(existsSync(file), file).toBe(true)
      expect(openBits(statSync(file).mode), `${file} ${mode(file)}`).toBe(0)
    }
  })

  it('a backup folder and the folder of backups are private', async () => {
    const { runBackup } = await import('../../cms/backups/job')
    const backup = await runBackup(payload, 'manual')
    expect(backup.result).toBe('succeeded')
    const backups = process.env.BACKUP_DIR!
    expect(openBits(statSync(backups).mode), mode(backups)).toBe(0)
    const made = path.join(backups, backup.name)
    // Private itself too, and its copy of the database: a backup copied elsewhere keeps its modes.
    expect(openBits(statSync(made).mode), mode(made)).toBe(0)
    expect(readdirSync(made)).toContain('database.sqlite')
    expect(openBits(statSync(path.join(made, 'database.sqlite')).mode), mode(path.join(made, 'database.sqlite'))).toBe(0)
  })

  it('an export folder is private, whether new or given empty', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'csp-hub-private-export-'))
    const folder = path.join(root, 'backup-today')
    await exportContent(payload, folder)
    expect(openBits(statSync(folder).mode), mode(folder)).toBe(0)
  })

  it('the mail outbox is private', async () => {
    const outbox = path.join(dir, 'outbox-private')
    await outboxTransport(outbox, () => {}).sendMail({ from: 'cms@example.org', to: 'partner@example.org', subject: 'Reset your password', text: 'https://cms.example/reset?token=x' })
    expect(openBits(statSync(outbox).mode), mode(outbox)).toBe(0)
  })
})
