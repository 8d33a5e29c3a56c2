/**
 * A backup keeps the translations of strategies and priorities (issue 20): a strategy's are written
 * in its file, a priority's inside that priority in its strategy's file, each with its publication
 * state, a pending draft and which English it was last checked against. export → restore (the real
 * `npm run seed -- --from`) → export gives the same files, and the restored database still says
 * which translations are out of date.
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
type Seen = { language: string; title: string; _status: string; englishChanged: boolean }
let inspected: Record<'strategy' | 'priority', { live: Seen[]; latest: Seen[] }>

const listFiles = (root: string, under = ''): string[] =>
  readdirSync(path.join(root, under), { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(root, path.join(under, entry.name)) : [path.join(under, entry.name)]))
    .sort()

beforeAll(async () => {
  ;({ payload } = await throwawayPayload('strategy-translations-export-a'))
  const work = mkdtempSync(path.join(tmpdir(), 'csp-hub-strategy-translations-backup-'))
  folderA = path.join(work, 'A')
  folderB = path.join(work, 'B')
  const api = payload as unknown as Record<'create' | 'update', (args: Record<string, unknown>) => Promise<{ id: number }>>
  const editor = { ...(await api.create({ collection: 'users', data: { name: 'Ed', email: 'ed@strategy-translations-export.test', password: 'correct horse battery staple 9', role: 'editor' } })), collection: 'users' }
  const as = { overrideAccess: false, user: editor }
  const partnership = await api.create({ collection: 'partnerships', data: { name: 'A partnership', slug: 'a-partnership', area: 'newham', summary: 'S.', _status: 'published' } })
  const strategy = await api.create({ collection: 'strategies', data: { title: 'English strategy', slug: 'a-strategy', partnership: partnership.id, periodStart: 2025, periodEnd: 2028, status: 'adopted', summary: 'English summary.', vision: 'English vision.', body: paragraph('English body.'), _status: 'published' } })
  const priority = await api.create({ collection: 'priorities', data: { title: 'English priority', slug: 'a-priority', strategy: strategy.id, order: 1, goal: 'English goal.', approach: paragraph('English approach.'), measures: [{ direction: 'reduce', description: 'Repeat victims', baseline: { value: 30, unit: '%' } }], _status: 'published' } })
  const pl = await api.create({ collection: 'strategy-translations', data: { strategy: strategy.id, language: 'pl', title: 'Strategia', summary: 'Streszczenie.', vision: 'Wizja.', body: paragraph('Treść.'), translator: 'Zespół', lastChecked: '2026-11-20', _status: 'published' }, ...as })
  await api.update({ collection: 'strategy-translations', id: pl.id, draft: true, data: { title: 'Strategia (szkic)' }, ...as })
  await api.create({ collection: 'strategy-translations', draft: true, data: { strategy: strategy.id, language: 'ro', title: 'Strategie', summary: 'Rezumat.', translator: 'Echipa', lastChecked: '2026-11-21', _status: 'draft' }, ...as })
  await api.create({ collection: 'priority-translations', data: { priority: priority.id, language: 'pl', title: 'Priorytet', goal: 'Cel.', approach: paragraph('Podejście.'), translator: 'Zespół', lastChecked: '2026-11-20', _status: 'published' }, ...as })
  // The English priority's goal changes after the Polish was checked: that translation is out of date, and must stay so.
  await api.update({ collection: 'priorities', id: priority.id, data: { goal: 'A changed English goal.', _status: 'published' } })

  await exportContent(payload, folderA)
  const env2 = throwawayEnv('strategy-translations-export-b')
  await run(TSX, ['scripts/seed.ts', '--from', folderA], { env: env2 })
  await run(TSX, ['scripts/export.ts', folderB], { env: env2 })
  const out = (await run(TSX, ['tests/int/strategy-translations-export.inspect.ts'], { env: env2 })).stdout
  inspected = JSON.parse(out.split('\n').find((line) => line.startsWith('INSPECT '))!.slice('INSPECT '.length))
}, 300_000)

afterAll(async () => {
  await payload?.destroy()
})

it('writes a strategy’s translations in its file, and a priority’s inside that priority, with state, pending draft and what they were checked against', () => {
  const file = JSON.parse(readFileSync(path.join(folderA, 'strategies', 'a-strategy.json'), 'utf8'))
  expect(file.translations).toMatchObject([
    { language: 'pl', title: 'Strategia', vision: 'Wizja.', translator: 'Zespół', lastChecked: '2026-11-20', draft: { title: 'Strategia (szkic)' } },
    { language: 'ro', publication: 'draft', title: 'Strategie', lastChecked: '2026-11-21' },
  ])
  expect(file.priorities).toHaveLength(1)
  expect(file.priorities[0].translations).toMatchObject([{ language: 'pl', title: 'Priorytet', goal: 'Cel.', translator: 'Zespół' }])
  expect(file.priorities[0].translations[0].englishChecked).toMatch(/^[0-9a-f]{32}$/)
})

it('restores them as they were: published, pending draft, draft-only, and the priority’s still out of date', () => {
  expect(inspected.strategy.live).toEqual([
    { language: 'pl', title: 'Strategia', _status: 'published', englishChanged: false },
    { language: 'ro', title: 'Strategie', _status: 'draft', englishChanged: false },
  ])
  expect(inspected.strategy.latest.map((t) => [t.language, t.title, t._status])).toEqual([
    ['pl', 'Strategia (szkic)', 'draft'],
    ['ro', 'Strategie', 'draft'],
  ])
  expect(inspected.priority.live).toEqual([{ language: 'pl', title: 'Priorytet', _status: 'published', englishChanged: true }])
})

it('export ∘ restore ∘ export = export', () => {
  expect(listFiles(folderB)).toEqual(listFiles(folderA))
  for (const file of listFiles(folderA)) expect(readFileSync(path.join(folderB, file), 'utf8'), file).toBe(readFileSync(path.join(folderA, file), 'utf8'))
})
