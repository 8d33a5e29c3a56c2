/**
 * Payload falls back to "any signed-in user" for access it is not given — version history,
 * unlocking accounts, the jobs queue — which is how partners once read other organisations'
 * drafts. This checks the whole config, so a collection added later cannot forget one.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { SanitizedConfig } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

let config: SanitizedConfig
const partner = { id: 1, role: 'partner', organisation: 7 }
const editor = { id: 2, role: 'editor' }
const fakePayload = { collections: {}, find: async () => ({ docs: [] }) }
const ask = (fn: unknown, user: unknown) => (fn as (a: unknown) => unknown)({ req: { user, payload: fakePayload }, data: {} })

beforeAll(async () => {
  process.env.PAYLOAD_SECRET ??= 'unit-test-secret-0123456789abcdef0123456789'
  process.env.DATABASE_URI = `file:${path.join(mkdtempSync(path.join(tmpdir(), 'csp-hub-config-')), 'unused.db')}`
  config = await (await import('../payload.config')).default
}, 60_000)

describe('access on every side path', () => {
  it('every collection with versions says who reads its history: never anonymous, never all of it for a partner', async () => {
    const versioned = config.collections.filter((c) => c.versions)
    expect(versioned.map((c) => c.slug).sort()).toEqual(['meetings', 'news', 'news-translations', 'organisations', 'priorities', 'priority-translations', 'recommendations', 'reviews', 'service-translations', 'services', 'strategies', 'strategy-translations'])
    for (const collection of versioned) {
      expect(await ask(collection.access.readVersions, null), `${collection.slug}: anonymous`).toBe(false)
      expect(await ask(collection.access.readVersions, partner), `${collection.slug}: partner`).not.toBe(true)
      expect(await ask(collection.access.readVersions, editor), `${collection.slug}: editor`).toBe(true)
    }
  })

  it('only staff lift a login lockout', async () => {
    for (const collection of config.collections.filter((c) => c.auth)) {
      expect(await ask(collection.access.unlock, partner), collection.slug).toBe(false)
      expect(await ask(collection.access.unlock, editor), collection.slug).toBe(true)
    }
  })

  it('only staff queue, run or cancel jobs (scheduled publishes among them)', async () => {
    for (const name of ['queue', 'run', 'cancel'] as const) {
      const access = config.jobs.access?.[name]
      expect(access, name).toBeTypeOf('function')
      expect(await ask(access, partner), name).toBe(false)
      expect(await ask(access, null), name).toBe(false)
      expect(await ask(access, editor), name).toBe(true)
    }
  })

  it('no upload collection is readable by anyone without a condition', async () => {
    for (const collection of config.collections.filter((c) => c.upload)) {
      expect(await ask(collection.access.read, null), collection.slug).not.toBe(true)
      expect(await ask(collection.access.read, partner), collection.slug).not.toBe(true)
    }
  })

  it('the interface strings (issue 20): staff edit them, only an admin adds or removes a language; partners and anonymous callers write nothing', async () => {
    const languages = config.collections.find((c) => c.slug === 'languages')!
    const admin = { id: 3, role: 'admin' }
    for (const user of [null, partner]) for (const op of ['create', 'update', 'delete'] as const) expect(await ask(languages.access[op], user), `${op} ${JSON.stringify(user)}`).toBe(false)
    expect(await ask(languages.access.update, editor)).toBe(true)
    expect(await ask(languages.access.create, editor)).toBe(false)
    expect(await ask(languages.access.create, admin)).toBe(true)
    const settings = config.globals.find((g) => g.slug === 'site-settings')!
    for (const user of [null, partner, editor]) expect(await ask(settings.access.update, user), JSON.stringify(user)).toBe(false)
  })
})
