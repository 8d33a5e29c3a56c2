import { describe, expect, it } from 'vitest'
import { isEmailAddress, isReviewDue, isSecureWebAddress, isSlug, isUkPhone, isWebAddress, monthsBefore, slugify, text } from '.'

const day = (s: string) => new Date(`${s}T00:00:00.000Z`)

describe('isUkPhone', () => {
  it('accepts UK numbers as people write them, and the short lines a service may publish', () => {
    for (const ok of ['020 7946 0000', '+44 20 7946 0000', '+442079460000', '0808 2000 247', '0800 123 456', '0800-000-0000', '01632 960000', '999', '101', '111', '116 123', '116123', ' 999 '])
      expect(isUkPhone(ok), ok).toBe(true)
  })
  it('refuses 112, a digit too many or too few (after the 0, 9 or 10 digits), foreign numbers and words: what the CMS refuses', () => {
    for (const bad of ['112', '020 7946 00000', '020 7946 00', '12345', '+1 212 555 0100', 'call us', '020 7946 00000 0', '', null, undefined, 999])
      expect(isUkPhone(bad), String(bad)).toBe(false)
  })
})

describe('isWebAddress', () => {
  it('accepts full http(s) addresses only', () => {
    for (const ok of ['https://www.redbridge.gov.uk/', 'http://example.org', 'HTTPS://EXAMPLE.ORG/a?b=c#d']) expect(isWebAddress(ok), ok).toBe(true)
    for (const bad of ['www.refuge.org.uk', 'http:example.org', 'javascript:alert(1)', 'mailto:a@b.org', 'https://', 'https://exa mple.org', 'https://example.org/a b', ' https://example.org', '', null, undefined])
      expect(isWebAddress(bad), String(bad)).toBe(false)
  })
  it('tells https from http for addresses that must be secure', () => {
    expect(isSecureWebAddress('https://www.bbc.co.uk/weather')).toBe(true)
    expect(isSecureWebAddress('http://www.bbc.co.uk/weather')).toBe(false)
    expect(isSecureWebAddress('https:nothing')).toBe(false)
  })
})

describe('isEmailAddress', () => {
  it('wants something@somewhere.tld with no spaces', () => {
    expect(isEmailAddress('team@example.org.uk')).toBe(true)
    for (const bad of ['team@', 'team@example', 'a b@example.org', 'team@example.org ', '', null]) expect(isEmailAddress(bad), String(bad)).toBe(false)
  })
})

describe('slugs', () => {
  it('makes URL-safe slugs from titles', () => {
    expect(slugify('Making Redbridge Safe — Our plan 2022–2025')).toBe('making-redbridge-safe-our-plan-2022-2025')
    expect(slugify("Imra'a – Here I Stand, Here I Stay")).toBe('imraa-here-i-stand-here-i-stay')
    expect(slugify('  Café & Crèche  ')).toBe('cafe-creche')
    expect(slugify('x'.repeat(200)).length).toBeLessThanOrEqual(96)
  })
  it('accepts lower-case words joined by single hyphens, and every slug slugify makes', () => {
    for (const ok of ['domestic-abuse', 'a', '2022-2025', slugify('Making Redbridge Safe — Our plan 2022–2025')]) expect(isSlug(ok), ok).toBe(true)
    for (const bad of ['Domestic-abuse', 'domestic--abuse', '-a', 'a-', 'a b', 'café', '', null]) expect(isSlug(bad), String(bad)).toBe(false)
  })
})

describe('text', () => {
  it('trims, and treats empty, blank and non-strings as absent', () => {
    expect(text('  Free  ')).toBe('Free')
    expect(text('Line one\nLine two\n')).toBe('Line one\nLine two')
    for (const absent of ['', '   \n', null, undefined, 0, {}]) expect(text(absent)).toBeUndefined()
  })
})

describe('review due', () => {
  it('counts months back in UTC, clamped to the end of shorter months', () => {
    expect(monthsBefore(day('2026-08-31'), 6)).toEqual(day('2026-02-28'))
    expect(monthsBefore(day('2028-08-31'), 6)).toEqual(day('2028-02-29'))
    expect(monthsBefore(day('2026-03-15'), 6)).toEqual(day('2025-09-15'))
    expect(monthsBefore(day('2026-05-31'), 6)).toEqual(day('2025-11-30'))
    expect(monthsBefore(new Date('2026-03-01T23:30:00.000Z'), 6)).toEqual(day('2025-09-01'))
  })

  it('is due the day after six months, never on the boundary day, whatever the time of day', () => {
    const now = new Date('2026-11-22T10:00:00Z')
    expect(isReviewDue('2026-05-22T23:59:00.000Z', now)).toBe(false)
    expect(isReviewDue('2026-05-21T00:00:00.000Z', now)).toBe(true)
    expect(isReviewDue(day('2026-11-01'), now)).toBe(false)
  })

  it('at month ends: 31 August looks back to 28 February, and 1 March to 1 September', () => {
    // Adding six months to the confirmation (as the admin once did) said "due" on 31 August for 28 February,
    // and "not due" on 1 March for 31 August: the site said the opposite. Both now follow the site.
    expect(isReviewDue('2026-02-28', day('2026-08-31'))).toBe(false)
    expect(isReviewDue('2026-02-27', day('2026-08-31'))).toBe(true)
    expect(isReviewDue('2025-08-31', day('2026-02-28'))).toBe(false)
    expect(isReviewDue('2025-08-31', day('2026-03-01'))).toBe(true)
    expect(isReviewDue('2028-02-29', day('2028-08-31'))).toBe(false)
    expect(isReviewDue('2025-12-31', day('2026-06-30'))).toBe(false)
    expect(isReviewDue('2025-12-30', day('2026-06-30'))).toBe(false)
    expect(isReviewDue('2025-12-29', day('2026-06-30'))).toBe(true)
  })

  it('is due when never confirmed or the date cannot be read, and takes another period', () => {
    for (const never of [null, undefined, '', 'not a date']) expect(isReviewDue(never)).toBe(true)
    expect(isReviewDue('2026-05-21', day('2026-11-22'), 12)).toBe(false)
  })
})
