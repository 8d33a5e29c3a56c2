import { describe, expect, it } from 'vitest'
import { filterPages, howToFind, isWebAddress, telHref } from './services'

const base = { name: 'DV Flag East', contact: {} as Record<string, string> }

describe('howToFind', () => {
  it('uses the published contact details when there are any', () => {
    expect(howToFind({ ...base, contact: { email: 'help@example.org' } }, undefined)).toEqual({ kind: 'contact' })
  })
  it('falls back to the service’s own how-to-access text', () => {
    expect(howToFind({ ...base, howToAccess: 'Through a referral from your GP.' }, { name: 'X', website: 'https://x.example' })).toEqual({
      kind: 'how-to-access',
      text: 'Through a referral from your GP.',
    })
  })
  it('then to the organisation’s website', () => {
    expect(howToFind(base, { name: 'Refuge', website: 'https://refuge.example' })).toEqual({ kind: 'organisation-website', url: 'https://refuge.example', name: 'Refuge' })
  })
  it('ignores a website that is not http(s)', () => {
    expect(howToFind(base, { name: 'Refuge', website: 'javascript:alert(1)' }).kind).toBe('generic')
  })
  it('otherwise says how to look for it, and never contains a made-up number', () => {
    const result = howToFind(base, { name: 'Barking and Dagenham Citizens Advice' })
    expect(result.kind).toBe('generic')
    if (result.kind === 'generic') {
      expect(result.text).toContain('“DV Flag East”')
      expect(result.text).toContain('Barking and Dagenham Citizens Advice')
      expect(result.text).not.toMatch(/\d{3,}/)
    }
  })
})

describe('helpers', () => {
  it('builds tel: links from digits only', () => expect(telHref('+44 (0)20 8555-1234')).toBe('tel:+442085551234'))
  it('accepts only http(s) web addresses', () => {
    expect(isWebAddress('https://www.refuge.org.uk')).toBe(true)
    expect(isWebAddress('www.refuge.org.uk')).toBe(false)
    expect(isWebAddress(null)).toBe(false)
  })
  it('keeps category and audience page keys apart', () => {
    const keys = filterPages().map((p) => p.key)
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys).toContain('domestic-abuse')
    expect(keys).toContain('women')
  })
})
