import { mkdtempSync, statSync, writeFileSync, chmodSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openBits, privateFilesSync, privateFolder, privateFolderSync } from './private'

const scratch = () => mkdtempSync(path.join(tmpdir(), 'private-'))

describe('private files', () => {
  it('makes a new folder, with its missing parents, readable by this account only', async () => {
    const root = scratch()
    const dir = privateFolderSync(path.join(root, 'a', 'b'))
    expect(openBits(statSync(dir).mode)).toBe(0)
    expect(statSync(dir).mode & 0o700).toBe(0o700)
    expect(openBits(statSync(await privateFolder(path.join(root, 'c'))).mode)).toBe(0)
  })

  it('makes an existing open folder private', async () => {
    const dir = path.join(scratch(), 'open')
    privateFolderSync(dir)
    chmodSync(dir, 0o755)
    privateFolderSync(dir)
    expect(openBits(statSync(dir).mode)).toBe(0)
    chmodSync(dir, 0o777)
    await privateFolder(dir)
    expect(openBits(statSync(dir).mode)).toBe(0)
  })

  it('makes the files that exist private and skips the ones that do not', () => {
    const dir = scratch()
    const db = path.join(dir, 'cms.db')
    writeFileSync(db, '', { mode: 0o644 })
    privateFilesSync(db, `${db}-wal`)
    expect(openBits(statSync(db).mode)).toBe(0)
    expect(statSync(db).mode & 0o600).toBe(0o600)
  })
})
