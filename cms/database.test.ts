import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { chooseDatabase, ConfigError, databaseAdapter, DEFAULT_SQLITE_FILE } from './database'

describe('chooseDatabase (DATABASE_URI)', () => {
  it('uses the embedded SQLite file under .data/ when unset or blank', () => {
    expect(chooseDatabase(undefined)).toEqual({ kind: 'sqlite', url: `file:${DEFAULT_SQLITE_FILE}`, file: DEFAULT_SQLITE_FILE })
    expect(chooseDatabase('  ')).toMatchObject({ kind: 'sqlite', file: DEFAULT_SQLITE_FILE })
    expect(DEFAULT_SQLITE_FILE).toMatch(/[\\/]\.data[\\/]csp-hub\.db$/)
  })

  it('accepts file: URLs, relative to the project root or absolute', () => {
    expect(chooseDatabase('file:/tmp/x.db')).toEqual({ kind: 'sqlite', url: 'file:/tmp/x.db', file: '/tmp/x.db' })
    const relative = chooseDatabase('file:./.data/other.db')
    expect(relative.kind).toBe('sqlite')
    expect(path.isAbsolute((relative as { file: string }).file)).toBe(true)
    expect((relative as { file: string }).file.endsWith(path.join('.data', 'other.db'))).toBe(true)
  })

  it('selects MongoDB for mongodb:// and mongodb+srv:// URLs', () => {
    expect(chooseDatabase('mongodb://db.internal:27017/csp?replicaSet=rs0')).toEqual({
      kind: 'mongodb',
      url: 'mongodb://db.internal:27017/csp?replicaSet=rs0',
    })
    expect(chooseDatabase('mongodb+srv://user:pw@cluster.example.net/csp').kind).toBe('mongodb')
  })

  it('refuses anything else with a message naming DATABASE_URI and the accepted forms', () => {
    for (const bad of ['postgres://localhost/csp', 'mysql://x', 'sqlite.db', 'file:', 'mongodb://']) {
      expect(() => chooseDatabase(bad), bad).toThrow(ConfigError)
    }
    expect(() => chooseDatabase('postgres://u:hunter2@localhost/csp')).toThrow(/DATABASE_URI.*file:.*mongodb:\/\//s)
  })

  it('never echoes a password from the connection string', () => {
    expect(() => chooseDatabase('postgres://u:hunter2@localhost/csp')).toThrow(/u:\*\*\*@/)
    expect(() => chooseDatabase('postgres://u:hunter2@localhost/csp')).not.toThrow(/hunter2/)
  })
})

describe('databaseAdapter', () => {
  it('builds the SQLite adapter with WAL and committed migrations', () => {
    const adapter = databaseAdapter('file:/tmp/csp-hub-adapter-test.db')
    expect(adapter.name).toBe('sqlite')
    expect(adapter.defaultIDType).toBe('number')
  })

  it('builds the real MongoDB (mongoose) adapter without connecting', () => {
    // No MongoDB server can run on these machines: the adapter is created, not connected.
    const adapter = databaseAdapter('mongodb://127.0.0.1:1/csp')
    expect(adapter.name).toBe('mongoose')
    expect(adapter.defaultIDType).toBe('text')
  })
})
