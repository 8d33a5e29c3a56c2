/**
 * Issue 20: the interface strings and the languages the site offers. Editors and admins edit the
 * strings, nobody else writes them; only an admin switches a language on; "checked by a fluent
 * speaker" is recorded by the server and cleared by any later change to a string.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { throwawayPayload } from '../helpers/payload'
import { languageData } from '../../cms/seed/languages'
import type { LanguageSeed } from '../../cms/seed/schemas'

type Doc = { id: number; [key: string]: unknown }
type User = Doc & { collection: 'users' }
let payload: Payload
let admin: User, editor: User, partner: User
let bn: Doc
const loose = (p: Payload) => p as unknown as Record<'create' | 'update' | 'findByID' | 'find' | 'updateGlobal' | 'findGlobal', (args: Record<string, unknown>) => Promise<Doc & { docs: Doc[] }>>
const shipped = (code: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, '..', '..', 'content', 'languages', `${code}.json`), 'utf8')) as LanguageSeed
const password = 'correct horse battery staple 9'

beforeAll(async () => {
  ;({ payload } = await throwawayPayload('languages'))
  const api = loose(payload)
  const org = await api.create({ collection: 'organisations', data: { name: 'Org', type: 'charity', _status: 'published' } })
  const user = async (role: string, extra = {}) => ({ ...(await api.create({ collection: 'users', data: { name: `The ${role}`, email: `${role}@languages.test`, password, role, ...extra } })), collection: 'users' as const })
  admin = await user('admin')
  editor = await user('editor')
  partner = await user('partner', { organisation: org.id })
  bn = await api.create({ collection: 'languages', data: languageData(shipped('bn')) })
})
afterAll(async () => {
  await payload?.destroy()
})

const as = (user: User | undefined) => ({ overrideAccess: false, ...(user ? { user } : {}) })

describe('who writes the interface strings', () => {
  it('anyone reads them (the site shows them), but not who checked them', async () => {
    const read = await loose(payload).findByID({ collection: 'languages', id: bn.id, ...as(undefined) })
    expect((read.quickExit as Record<string, string>).button).toBe(shipped('bn').quickExit.button)
    expect(read.fluentCheck).not.toHaveProperty('checkedBy')
  })

  it('a partner and an anonymous caller cannot change a string; an editor can, and cannot add a language', async () => {
    const change = (user?: User) => loose(payload).update({ collection: 'languages', id: bn.id, data: { quickExit: { ...shipped('bn').quickExit, button: 'X' } }, ...as(user) })
    await expect(change(undefined)).rejects.toThrow()
    await expect(change(partner)).rejects.toThrow()
    expect(((await change(editor)).quickExit as Record<string, string>).button).toBe('X')
    await expect(loose(payload).create({ collection: 'languages', data: languageData(shipped('pl')), ...as(editor) })).rejects.toThrow()
    await expect(loose(payload).create({ collection: 'languages', data: languageData(shipped('pl')), ...as(partner) })).rejects.toThrow()
  })
})

describe('which languages the site offers', () => {
  it('a fresh install offers all five, not yet checked', async () => {
    const settings = await loose(payload).findGlobal({ slug: 'site-settings', ...as(undefined) })
    expect(settings.languages).toEqual(['bn', 'ur', 'pa', 'pl', 'ro'])
  })

  it('only an admin switches a language on or off', async () => {
    const set = (languages: string[], user?: User) => loose(payload).updateGlobal({ slug: 'site-settings', data: { languages }, ...as(user) })
    await expect(set(['bn'], undefined)).rejects.toThrow()
    await expect(set(['bn'], partner)).rejects.toThrow()
    await expect(set(['bn'], editor)).rejects.toThrow()
    expect((await loose(payload).findGlobal({ slug: 'site-settings', ...as(undefined) })).languages).toEqual(['bn', 'ur', 'pa', 'pl', 'ro'])
    expect((await set(['ur'], admin)).languages).toEqual(['ur'])
    expect((await set(['bn', 'ur', 'pa', 'pl', 'ro'], admin)).languages).toEqual(['bn', 'ur', 'pa', 'pl', 'ro'])
  })
})

describe('checked by a fluent speaker', () => {
  const update = (data: Record<string, unknown>, user: User = editor) => loose(payload).update({ collection: 'languages', id: bn.id, data, ...as(user) })
  const check = (doc: Doc) => doc.fluentCheck as { checked: boolean; checkedBy: string | null; checkedAt: string | null }

  it('the server records who ticked it and when, whatever the form sends', async () => {
    const before = Date.now()
    const saved = check(await update({ fluentCheck: { checked: true, checkedBy: 'Someone else', checkedAt: '2001-01-01T00:00:00.000Z' } }))
    expect(saved).toMatchObject({ checked: true, checkedBy: 'The editor' })
    expect(new Date(saved.checkedAt!).getTime()).toBeGreaterThanOrEqual(before - 1000)
  })

  it('a save that changes no string keeps it; a change to any string sets it back to not yet checked', async () => {
    expect(check(await update({ endonym: 'বাংলা' }, admin))).toMatchObject({ checked: true, checkedBy: 'The editor' })
    const changed = check(await update({ audiences: { ...shipped('bn').audiences, everyone: 'সকলে' } }, admin))
    expect(changed).toEqual({ checked: false, checkedBy: null, checkedAt: null })
  })
})
