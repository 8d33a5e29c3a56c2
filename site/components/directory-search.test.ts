import { describe, expect, it } from 'vitest'
import { matchesAll, queryStems, stem, words } from './directory-search'

describe('words', () => {
  it('lower-cases, drops accents and splits on anything that is not a letter or a digit', () => {
    expect(words('Café-based IDVA: 24/7 support')).toEqual(['cafe', 'based', 'idva', '24', '7', 'support'])
    expect(words('  ')).toEqual([])
  })
  it('keeps letters of other scripts', () => {
    expect(words('পরিষেবা ও সাহায্য')).toHaveLength(3)
  })
})

describe('stem', () => {
  it('drops a few English endings but never below three letters', () => {
    expect(stem('housing')).toBe('hous')
    expect(stem('abused')).toBe('abus')
    expect(stem('services')).toBe('servic')
    expect(stem('refuges')).toBe('refug')
    expect(stem('bus')).toBe('bus')
    expect(stem('uses')).toBe('use')
    expect(stem('house')).toBe('hous')
    expect(stem('use')).toBe('use')
  })
})

describe('matchesAll', () => {
  const card = words('Housing advice for women — Example Women’s Aid. Refuge and outreach for survivors of domestic abuse.')
  it('needs every query word, each at the start of a word on the card', () => {
    expect(matchesAll(card, queryStems('domestic abuse'))).toBe(true)
    expect(matchesAll(card, queryStems('DOMESTIC   abused'))).toBe(true)
    expect(matchesAll(card, queryStems('refuges'))).toBe(true)
    expect(matchesAll(card, queryStems('house'))).toBe(true)
    expect(matchesAll(card, queryStems('housing women'))).toBe(true)
    expect(matchesAll(card, queryStems('domestic gambling'))).toBe(false)
    expect(matchesAll(card, queryStems('mestic'))).toBe(false) // inside a word is not a match
  })
  it('matches everything when the query has no words', () => {
    expect(matchesAll(card, queryStems(' — '))).toBe(true)
  })
})
