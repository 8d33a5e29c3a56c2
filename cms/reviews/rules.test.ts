import { describe, expect, it } from 'vitest'
import { containsTerm, isPastWindow, lexicalText, publicationProblems, publicState, redactionProblems, reviewPublicText, windowEnds } from './rules'

const doc = (...blocks: unknown[]) => ({ root: { type: 'root', children: blocks } })
const para = (...texts: string[]) => ({ type: 'paragraph', children: texts.map((text) => ({ type: 'text', text })) })

describe('publication gates', () => {
  const ok = {
    status: 'published',
    qaLetterReceivedOn: '2026-01-01',
    publicationChecks: { familyConsultedOn: '2026-01-02', familyOutcome: 'Agreed', criminalProceedings: 'concluded', inquest: 'none' },
  }
  it('passes when every condition is recorded', () => expect(publicationProblems(ok)).toEqual([]))
  it('names every missing condition on its own field', () => {
    expect(publicationProblems({ status: 'published' }).map((p) => p.path)).toEqual([
      'qaLetterReceivedOn',
      'publicationChecks.familyConsultedOn',
      'publicationChecks.familyOutcome',
      'publicationChecks.criminalProceedings',
      'publicationChecks.inquest',
    ])
  })
  it('refuses proceedings or an inquest under way', () => {
    expect(publicationProblems({ ...ok, publicationChecks: { ...ok.publicationChecks, inquest: 'ongoing' } }).map((p) => p.path)).toEqual(['publicationChecks.inquest'])
  })
})

describe('publication window', () => {
  it('ends the same day the window later, clamped to the month’s end', () => {
    expect(windowEnds('2025-01-15T00:00:00Z').toISOString()).toBe('2026-01-15T00:00:00.000Z')
    expect(windowEnds('2024-02-29T00:00:00Z').toISOString()).toBe('2025-02-28T00:00:00.000Z')
    expect(windowEnds('2025-03-31T00:00:00Z', 1).toISOString()).toBe('2025-04-30T00:00:00.000Z')
  })
  it('moves a published review only once its window has passed', () => {
    const r = { status: 'published', publishedAt: '2025-01-15T00:00:00Z' }
    expect(isPastWindow(r, new Date('2026-01-14T23:59:59Z'))).toBe(false)
    expect(isPastWindow(r, new Date('2026-01-15T00:00:00Z'))).toBe(true)
    expect(isPastWindow({ ...r, status: 'in-progress' }, new Date('2030-01-01'))).toBe(false)
    expect(publicState(r, new Date('2026-02-01'))).toBe('available-on-request')
    expect(publicState(r, new Date('2026-02-01'), 24)).toBe('published')
    expect(publicState({ status: 'available-on-request' }, new Date('2020-01-01'))).toBe('available-on-request')
  })
})

describe('redaction guard', () => {
  it('joins a block’s text runs, so a name split by formatting is still found', () => {
    expect(lexicalText(doc({ type: 'heading', children: [{ type: 'text', text: 'Zeph' }, { type: 'text', text: 'yrine' }] }, para('next')))).toBe('Zephyrine\nnext')
  })
  it('matches whole words, ignoring case, punctuation and spacing', () => {
    expect(containsTerm('Met SMITH,  John. yesterday', 'smith john')).toBe(true)
    expect(containsTerm('12 High Street, E6', '12 high street')).toBe(true)
    expect(containsTerm('Johnson', 'John')).toBe(false)
    expect(containsTerm('anything', '  ')).toBe(false)
  })
  it('names each public field holding a term, never the term', () => {
    const problems = redactionProblems(reviewPublicText({ pseudonym: 'Adult A', report: doc(para('About Jane Doe')), qaLetterTitle: 'Letter for jane doe' }), ['Someone Else', 'Jane Doe'])
    expect(problems.map((p) => p.path)).toEqual(['report', 'qaLetterTitle'])
    expect(problems[0]!.message).toContain('redaction term 2')
    expect(JSON.stringify(problems)).not.toMatch(/jane/i)
  })
})
