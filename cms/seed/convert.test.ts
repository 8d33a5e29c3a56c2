import type { FlattenedField } from 'payload'
import { describe, expect, it } from 'vitest'
import { type ExportContext, toCms, toFormat } from './convert'
import { FORMAT, type ImportContext, type Rules, stableUuid } from './format'

const fields = [
  { name: 'title', type: 'text' },
  { name: 'slug', type: 'text' },
  { name: 'organisation', type: 'relationship', relationTo: 'organisations' },
  { name: 'partnerships', type: 'relationship', relationTo: 'partnerships', hasMany: true },
  { name: 'image', type: 'upload', relationTo: 'media' },
  { name: 'tags', type: 'text', hasMany: true },
  { name: 'body', type: 'richText' },
  { name: 'date', type: 'date', admin: { date: { pickerAppearance: 'dayOnly' } } },
  { name: 'urgent', type: 'checkbox' },
  {
    name: 'review',
    type: 'group',
    flattenedFields: [
      { name: 'state', type: 'select' },
      { name: 'submittedBy', type: 'relationship', relationTo: 'users' },
      { name: 'submittedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    ],
  },
  { name: 'readings', type: 'array', flattenedFields: [{ name: 'date', type: 'date' }, { name: 'value', type: 'number' }, { name: 'id', type: 'text' }] },
  { name: 'reviewDue', type: 'text', virtual: true },
  { name: 'priorities', type: 'join', collection: 'priorities', on: 'strategy' },
  { name: 'sourceDocument', type: 'text' },
  { name: 'createdAt', type: 'date' },
  { name: '_status', type: 'select' },
] as FlattenedField[]
const rules: Rules = { order: ['slug', 'title', 'date'] }

const ids: Record<string, Record<string, number>> = { organisations: { refuge: 1 }, partnerships: { 'bd-csp': 2, 'redbridge-csp': 3 }, media: { 'board.png': 4 } }
const importing: ImportContext = { id: (collection, key) => ids[collection]?.[key] ?? null, richText: (md) => (md ? { root: md } : undefined), sources: {}, slug: 'visit' }
const exporting: ExportContext = {
  key: (collection, id) => Object.entries(ids[collection] ?? {}).find(([, value]) => value === id)?.[0],
  markdown: (value) => (value as { root?: string } | null)?.root,
}

describe('toCms: a format record → Payload data', () => {
  it('names related records by id, converts Markdown, and clears what the record leaves out', () => {
    const data = toCms(fields, { slug: 'visit', title: 'A visit', organisation: 'refuge', partnerships: ['bd-csp'], image: 'board.png', body: 'Hi', source: 'a-paper.txt' }, importing, rules)
    expect(data).toEqual({
      title: 'A visit', slug: 'visit', organisation: 1, partnerships: [2], image: 4, tags: [], body: { root: 'Hi' }, date: null, urgent: false,
      readings: [], sourceDocument: 'a-paper.txt',
    })
  })

  it('writes the review trail only when the record has one, and never who submitted it', () => {
    const data = toCms(fields, { slug: 'visit', review: { state: 'pending' }, readings: [{ date: '2020-03-31', value: 2 }] }, importing, rules)
    expect(data.review).toEqual({ state: 'pending', submittedAt: null })
    expect(data.readings).toEqual([{ date: '2020-03-31', value: 2 }])
  })

  it('derives a stable open-data id from the live slug unless the record has its own', () => {
    const uuidFields = [{ name: 'uuid', type: 'text' }] as FlattenedField[]
    expect(toCms(uuidFields, { slug: 'renamed' }, importing, FORMAT.services!).uuid).toBe(stableUuid('service', 'visit'))
    expect(toCms(uuidFields, { uuid: 'own' }, importing, FORMAT.services!).uuid).toBe('own')
  })
})

describe('toFormat: a Payload document → a format record', () => {
  const doc = {
    id: 9, title: 'A visit', slug: 'visit', organisation: { id: 1 }, partnerships: [2, 99], image: 4, tags: [], body: { root: 'Hi' },
    date: '2020-11-24T00:00:00.000Z', urgent: false, review: { state: 'pending', submittedBy: 5, submittedAt: '2026-11-20T09:30:00.000Z' },
    readings: [{ id: 'row', date: '2021-03-31T00:00:00.000Z', value: 0 }], reviewDue: 'Review due', priorities: { docs: [] },
    sourceDocument: 'a-paper.txt', createdAt: '2026-01-01T00:00:00.000Z', _status: 'published',
  }

  it('names related records by slug and file name, keeps day-only dates as days, drops empty values, and orders fields as the format does', () => {
    const record = toFormat(fields, doc, exporting, rules)
    expect(record).toEqual({
      slug: 'visit', title: 'A visit', date: '2020-11-24', organisation: 'refuge', partnerships: ['bd-csp'], image: 'board.png', body: 'Hi',
      review: { state: 'pending', submittedAt: '2026-11-20T09:30:00.000Z' }, readings: [{ date: '2021-03-31', value: 0 }], source: 'a-paper.txt',
    })
    expect(Object.keys(record).slice(0, 3)).toEqual(['slug', 'title', 'date'])
  })

  it('keeps free-text provenance as sourceDocument, and leaves out the fields it is told to skip', () => {
    expect(toFormat(fields, { ...doc, sourceDocument: 'https://example.org/feed' }, exporting, rules, ['organisation'])).toMatchObject({ sourceDocument: 'https://example.org/feed' })
    expect(toFormat(fields, doc, exporting, rules, ['organisation'])).not.toHaveProperty('organisation')
  })

  it('applies the declared exceptions: a service is always urgent or not, and keeps a confirmation only whole', () => {
    const serviceFields = [
      { name: 'urgent', type: 'checkbox' },
      { name: 'confirmed', type: 'group', flattenedFields: [{ name: 'on', type: 'date', admin: { date: { pickerAppearance: 'dayOnly' } } }, { name: 'by', type: 'text' }] },
    ] as FlattenedField[]
    expect(toFormat(serviceFields, { confirmed: { on: '2026-01-15T00:00:00.000Z', by: null } }, exporting, FORMAT.services!)).toEqual({ urgent: false })
    expect(toFormat(serviceFields, { urgent: true, confirmed: { on: '2026-01-15T00:00:00.000Z', by: 'Ed' } }, exporting, FORMAT.services!)).toEqual({
      urgent: true, confirmed: { on: '2026-01-15', by: 'Ed' },
    })
  })

  it('leaves step-free access out of a file when it is "not known", and reads a missing one as "not known"', () => {
    const serviceFields = [
      { name: 'urgent', type: 'checkbox' },
      { name: 'stepFreeAccess', type: 'group', flattenedFields: [{ name: 'status', type: 'select' }, { name: 'note', type: 'text' }] },
    ] as FlattenedField[]
    expect(toFormat(serviceFields, { urgent: false, stepFreeAccess: { status: 'unknown', note: null } }, exporting, FORMAT.services!)).toEqual({ urgent: false })
    expect(toFormat(serviceFields, { urgent: false, stepFreeAccess: { status: 'yes', note: 'Ramp.' } }, exporting, FORMAT.services!)).toEqual({ urgent: false, stepFreeAccess: { status: 'yes', note: 'Ramp.' } })
    // A note on its own is kept: someone wrote it down.
    expect(toFormat(serviceFields, { urgent: false, stepFreeAccess: { status: 'unknown', note: 'Ask.' } }, exporting, FORMAT.services!)).toMatchObject({ stepFreeAccess: { status: 'unknown', note: 'Ask.' } })
    expect(toCms(serviceFields, { slug: 'visit' }, importing, FORMAT.services!).stepFreeAccess).toEqual({ status: 'unknown', note: null })
    expect(toCms(serviceFields, { slug: 'visit', stepFreeAccess: { status: 'no' } }, importing, FORMAT.services!).stepFreeAccess).toMatchObject({ status: 'no' })
  })
})
