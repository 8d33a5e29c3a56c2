/**
 * The accessibility statement and the privacy notice (content/pages/*.mdx) say only what is true.
 * Partnership pages do not all show how to reach the partnership (a partnership's website is linked
 * only where it has given one), so neither page may send residents there for contact details; and
 * the accessibility statement keeps the sections the 2018 accessibility regulations' model
 * statement requires. The built page is checked in tests/e2e/statements.e2e.test.ts.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { PARTNERSHIP_CONTACT_CLAIM, plain } from '../helpers/statements'

const page = (name: string) => readFileSync(path.resolve('content/pages', `${name}.mdx`), 'utf8')
/** The text as a reader sees it: markdown links and emphasis reduced to their words, one line. */
const prose = (mdx: string) =>
  plain(
    mdx
      .replace(/^---[\s\S]*?---/, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[*_]/g, ''),
  )

describe.each(['accessibility', 'privacy'])('%s page', (name) => {
  it('does not claim partnership pages show how to reach the partnership', () => {
    expect(prose(page(name))).not.toMatch(PARTNERSHIP_CONTACT_CLAIM)
  })

  it('sends readers to the footer contact, or else the partnership or council that runs the site', () => {
    expect(prose(page(name))).toMatch(/at the foot of every page/)
    expect(prose(page(name))).toMatch(/partnership or the council that runs this website/)
  })
})

describe('accessibility statement', () => {
  const text = prose(page('accessibility'))

  it('says the site is partially compliant and names the admin screens as not accessible', () => {
    expect(text).toMatch(/This website is partially compliant with the Web Content Accessibility Guidelines version 2\.2 AA standard/)
    expect(text).toMatch(/content management system[^.]*do not meet the WCAG 2\.2 AA standard/)
  })

  it('names the enforcement bodies with plain links to their own sites', () => {
    expect(text).toMatch(/Equality and Human Rights Commission \(EHRC\)/)
    expect(text).toMatch(/Equality Advisory and Support Service \(EASS\)/)
    expect(page('accessibility')).toContain('(https://www.equalityhumanrights.com/)')
    expect(page('accessibility')).toContain('(https://www.equalityadvisoryservice.com/)')
  })

  it('does not claim the publishing pipeline runs the accessibility tests', () => {
    // axe and the keyboard tests run in the test suite on code changes, not when content is published.
    expect(text).not.toMatch(/A build that fails is not published/i)
    expect(text).toMatch(/Content that staff publish is not checked by these automated tests/)
  })
})
