import { describe, expect, it } from 'vitest'
import { emailAddress, ukPhone, webAddress, year } from './validators'

describe('validators', () => {
  // The rules themselves are tested in cms/rules; here, that empty is allowed and the message helps.
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
