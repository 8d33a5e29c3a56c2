/**
 * A backup keeps the translations of directory entries (issue 20): an entry's are written in its
 * file, each with its publication state, a pending draft and which English it was last checked
 * against. export → restore (the real `npm run seed -- --from`) → export gives the same files, and
 * the restored database still says which translations are out of date.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { exportContent } from '../../cms/seed/export'
import { throwawayEnv } from '../helpers/env'
import { throwawayPayload } from '../helpers/payload'

const run = promisify(execFile)
const TSX = path.resolve('node_modules/.bin/tsx')
let payload: Payload
let folderA: string
let folderB: string
type Seen = { language: string; name: string; _status: string; englishChanged: boolean }
let inspected: { live: Seen[]; latest: Seen[] }

const listFiles = (root: string, under = ''): string[] =>
  readdirSync(path.join(root, under), { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(root, path.join(under, entry.name)) : [path.join(under, entry.name)]))
    .sort()

beforeAll(async () => {
  ;({ payload } = await throwawayPayload('service-translations-export-a'))
  const work = mkdtempSync(path.join(tmpdir(), 'csp-hub-service-translations-backup-'))
  folderA = path.join(work, 'A')
  folderB = path.join(work, 'B')
  const api = payload as unknown as Record<'create' | 'update', (args: Record<string, unknown>) => Promise<{ id: number }>>
  const editor = { ...(await api.create({ collection: 'users', data: { name: 'Ed', email: 'ed@service-translations-export.test', password: 'correct horse battery staple 9', role: 'editor' } })), collection: 'users' }
  const as = { overrideAccess: false, user: editor }
  const helpline = await api.create({
    collection: 'services',
    data: { name: 'A helpline', slug: 'a-helpline', providerNotNamed: true, description: 'English description.', categories: ['domestic-abuse'], audiences: ['women'], areas: ['newham'], contact: { phone: '020 7946 0000' }, eligibility: 'Women.', _status: 'published' },
  })
  const other = await api.create({
    collection: 'services',
    data: { name: 'Another service', slug: 'another-service', providerNotNamed: true, description: 'Another description.', categories: ['hate-crime'], audiences: ['everyone'], areas: ['redbridge'], howToAccess: 'Through your GP.', _status: 'published' },
  })
  const pl = await api.create({ collection: 'service-translations', data: { service: helpline.id, language: 'pl', name: 'Infolinia', description: 'Opis.', eligibility: 'Kobiety.', translator: 'Zespół', lastChecked: '2026-11-20', _status: 'published' }, ...as })
  await api.update({ collection: 'service-translations', id: pl.id, draft: true, data: { name: 'Infolinia (szkic)' }, ...as })
  await api.create({ collection: 'service-translations', draft: true, data: { service: helpline.id, language: 'ro', name: 'Linie de ajutor', description: 'Descriere.', translator: 'Echipa', lastChecked: '2026-11-21', _status: 'draft' }, ...as })
  await api.create({ collection: 'service-translations', data: { service: other.id, language: 'ur', name: 'دوسری خدمت', description: 'تفصیل', howToAccess: 'اپنے جی پی کے ذریعے', translator: 'ٹیم', lastChecked: '2026-11-20', _status: 'published' }, ...as })
  // The other entry's description changes after the Urdu was checked: that translation is out of date, and must stay so.
  await api.update({ collection: 'services', id: other.id, data: { description: 'A changed English description.', _status: 'published' } })

  await exportContent(payload, folderA)
  const env2 = throwawayEnv('service-translations-export-b')
  await run(TSX, ['scripts/seed.ts', '--from', folderA], { env: env2 })
  await run(TSX, ['scripts/export.ts', folderB], { env: env2 })
  const out = (await run(TSX, ['tests/int/service-translations-export.inspect.ts'], { env: env2 })).stdout
  inspected = JSON.parse(out.split('\n').find((line) => line.startsWith('INSPECT '))!.slice('INSPECT '.length))
}, 300_000)

afterAll(async () => {
  await payload?.destroy()
})

it('writes an entry’s translations in its file, with state, pending draft and what they were checked against', () => {
  const file = JSON.parse(readFileSync(path.join(folderA, 'services', 'a-helpline.json'), 'utf8'))
  expect(file.translations).toMatchObject([
    { language: 'pl', name: 'Infolinia', description: 'Opis.', eligibility: 'Kobiety.', translator: 'Zespół', lastChecked: '2026-11-20', draft: { name: 'Infolinia (szkic)' } },
    { language: 'ro', publication: 'draft', name: 'Linie de ajutor', lastChecked: '2026-11-21' },
  ])
  expect(file.translations[0].englishChecked).toMatch(/^[0-9a-f]{32}$/)
  // The entry's contact details are its own, never a translation's.
  expect(file.contact).toEqual({ phone: '020 7946 0000' })
  expect(JSON.stringify(file.translations)).not.toContain('020 7946')
  expect(JSON.parse(readFileSync(path.join(folderA, 'services', 'another-service.json'), 'utf8')).translations).toMatchObject([{ language: 'ur', howToAccess: 'اپنے جی پی کے ذریعے' }])
})

it('restores them as they were: published, pending draft, draft-only, and the Urdu still out of date', () => {
  expect(inspected.live).toEqual([
    { language: 'pl', name: 'Infolinia', _status: 'published', englishChanged: false },
    { language: 'ro', name: 'Linie de ajutor', _status: 'draft', englishChanged: false },
    { language: 'ur', name: 'دوسری خدمت', _status: 'published', englishChanged: true },
  ])
  expect(inspected.latest.map((t) => [t.language, t.name, t._status])).toEqual([
    ['pl', 'Infolinia (szkic)', 'draft'],
    ['ro', 'Linie de ajutor', 'draft'],
    ['ur', 'دوسری خدمت', 'published'],
  ])
})

it('export ∘ restore ∘ export = export', () => {
  expect(listFiles(folderB)).toEqual(listFiles(folderA))
  for (const file of listFiles(folderA)) expect(readFileSync(path.join(folderB, file), 'utf8'), file).toBe(readFileSync(path.join(folderA, file), 'utf8'))
})
