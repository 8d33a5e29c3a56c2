import { describe, expect, it } from 'vitest'
import { emailAddress, ukPhone as cmsUkPhone, webAddress as cmsWebAddress } from '../fields/validators'
import { email, slug, ukPhone, webAddress } from './schemas'
import { slugField } from '../fields/slug'

const cmsSlug = (value: string) => {
  const field = slugField() as { validate: (value: unknown) => true | string }
  return field.validate(value)
}

/** A seed that "validates everything first" must not then fail half-way in the CMS: both accept the same values. */
describe('the seed format accepts exactly what the CMS accepts', () => {
  const agree = (seed: { safeParse: (v: unknown) => { success: boolean } }, cms: (v: string) => true | string, values: string[]) => {
    for (const value of values) expect(seed.safeParse(value).success, value).toBe(cms(value) === true)
  }

  it('phone numbers, 112 and a digit too many refused by both', () => {
    agree(ukPhone, cmsUkPhone, ['020 7946 0000', '+44 20 7946 0000', '0808 2000 247', '999', '101', '111', '116 123', '112', '020 7946 00000', '0800 000 00000', '12345'])
    expect(ukPhone.safeParse('112').success).toBe(false)
    expect(ukPhone.safeParse('020 7946 00000').success).toBe(false)
  })

  it('web addresses, email addresses and slugs', () => {
    agree(webAddress, cmsWebAddress, ['https://www.example.org.uk/', 'http://example.org', 'www.example.org', 'http:example.org', 'javascript:alert(1)', 'https://example.org/a b'])
    agree(email, emailAddress, ['team@example.org.uk', 'team@', 'a b@example.org'])
    agree(slug, cmsSlug, ['domestic-abuse', 'Domestic-abuse', 'a--b', '-a', '2022-2025'])
  })
})
