/**
 * A backup keeps translators' work (issue 20, phase B): translations are written in their story's
 * file, each with its publication state, a pending draft over a published translation, and which
 * English text it was last checked against, so a restored database still says which translations
 * are out of date. export → restore (the real `npm run seed -- --from`) → export gives the same files.
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
import { paragraph } from '../helpers/lexical'

const run = promisify(execFile)
const TSX = path.resolve('node_modules/.bin/tsx')
let payload: Payload
let folderA: string
let folderB: string
let inspected: { live: Record<string, unknown>[]; latest: Record<string, unknown>[] }

const listFiles = (root: string, under = ''): string[] =>
  readdirSync(path.join(root, under), { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(root, path.join(under, entry.name)) : [path.join(under, entry.name)]))
    .sort()

beforeAll(async () => {
  ;({ payload } = await throwawayPayload('translations-export-a'))
  const work = mkdtempSync(path.join(tmpdir(), 'csp-hub-translations-backup-'))
  folderA = path.join(work, 'A')
  folderB = path.join(work, 'B')
  const api = payload as unknown as Record<'create' | 'update', (args: Record<string, unknown>) => Promise<{ id: number }>>
  const editor = { ...(await api.create({ collection: 'users', data: { name: 'Ed', email: 'ed@translations-export.test', password: 'correct horse battery staple 9', role: 'editor' } })), collection: 'users' }
  const as = { overrideAccess: false, user: editor }
  const story = await api.create({ collection: 'news', data: { title: 'English story', slug: 'english-story', date: '2026-11-01', summary: 'English summary.', body: paragraph('English body.'), _status: 'published' } })
  const pl = await api.create({ collection: 'news-translations', data: { story: story.id, language: 'pl', title: 'Polski', summary: 'Streszczenie.', body: paragraph('Treść.'), translator: 'Zespół', lastChecked: '2026-11-20', _status: 'published' }, ...as })
  await api.update({ collection: 'news-translations', id: pl.id, draft: true, data: { title: 'Polski (szkic)' }, ...as })
  await api.create({ collection: 'news-translations', draft: true, data: { story: story.id, language: 'ro', title: 'Română', summary: 'Rezumat.', body: paragraph('Text.'), translator: 'Echipa', lastChecked: '2026-11-21', _status: 'draft' }, ...as })
  // The English changes after the Polish was checked: Polish is out of date, and must stay so.
  await api.update({ collection: 'news', id: story.id, data: { summary: 'A changed English summary.', _status: 'published' } })

  await exportContent(payload, folderA)
  const env2 = throwawayEnv('translations-export-b')
  await run(TSX, ['scripts/seed.ts', '--from', folderA], { env: env2 })
  await run(TSX, ['scripts/export.ts', folderB], { env: env2 })
  const out = (await run(TSX, ['tests/int/news-translations-export.inspect.ts'], { env: env2 })).stdout
  inspected = JSON.parse(out.split('\n').find((line) => line.startsWith('INSPECT '))!.slice('INSPECT '.length))
}, 300_000)

afterAll(async () => {
  await payload?.destroy()
})

it('writes translations in their story’s file, with their state, pending draft and what they were checked against', () => {
  const file = JSON.parse(readFileSync(path.join(folderA, 'news', 'english-story.json'), 'utf8'))
  expect(file.translations).toMatchObject([
    { language: 'pl', title: 'Polski', translator: 'Zespół', lastChecked: '2026-11-20', draft: { title: 'Polski (szkic)' } },
    { language: 'ro', publication: 'draft', title: 'Română', lastChecked: '2026-11-21' },
  ])
  expect(file.translations[0].englishChecked).toMatch(/^[0-9a-f]{32}$/)
})

it('restores them as they were: published, pending draft, draft-only, and still out of date', () => {
  // Staff read the stored documents: the published Polish (its draft is a version) and the draft-only
  // Romanian; both were checked against the English before it changed.
  expect(inspected.live).toEqual([
    { language: 'pl', title: 'Polski', _status: 'published', englishChanged: true },
    { language: 'ro', title: 'Română', _status: 'draft', englishChanged: true },
  ])
  expect(inspected.latest.map((t) => [t.language, t.title, t._status])).toEqual([
    ['pl', 'Polski (szkic)', 'draft'],
    ['ro', 'Română', 'draft'],
  ])
})

it('export ∘ restore ∘ export = export', () => {
  expect(listFiles(folderB)).toEqual(listFiles(folderA))
  for (const file of listFiles(folderA)) expect(readFileSync(path.join(folderB, file), 'utf8'), file).toBe(readFileSync(path.join(folderA, file), 'utf8'))
})
