import { describe, expect, it } from 'vitest'
import { slugify } from './slug'
import { emailAddress, ukPhone, webAddress, year } from './validators'

describe('slugify', () => {
  it('makes URL-safe slugs from titles', () => {
    expect(slugify('Making Redbridge Safe — Our plan 2022–2025')).toBe('making-redbridge-safe-our-plan-2022-2025')
    expect(slugify("Imra'a – Here I Stand, Here I Stay")).toBe('imraa-here-i-stand-here-i-stay')
    expect(slugify('  Café & Crèche  ')).toBe('cafe-creche')
    expect(slugify('x'.repeat(200)).length).toBeLessThanOrEqual(96)
  })
})

describe('validators', () => {
  it('accepts UK phone numbers as people write them and rejects others', () => {
    for (const ok of ['020 7946 0000', '+44 20 7946 0000', '0808 2000 247', '999', '101', '116 123', '', null, undefined])
      expect(ukPhone(ok), String(ok)).toBe(true)
    for (const bad of ['12345', '+1 212 555 0100', 'call us', '020 7946 00000 0'])
      expect(ukPhone(bad), bad).toMatch(/UK phone number/)
  })

  it('accepts http(s) web addresses only', () => {
    expect(webAddress('https://www.redbridge.gov.uk/')).toBe(true)
    expect(webAddress('javascript:alert(1)')).toMatch(/https/)
    expect(webAddress('not a url')).toMatch(/full web address/)
  })

  it('checks emails and years', () => {
    expect(emailAddress('team@example.org.uk')).toBe(true)
    expect(emailAddress('team@')).toMatch(/email/)
    expect(year(2022)).toBe(true)
    expect(year(22)).toMatch(/year/)
    expect(year(2022.5)).toMatch(/year/)
  })
})
