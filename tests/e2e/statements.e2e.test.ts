/**
 * The built accessibility statement has the sections of the model statement the 2018 accessibility
 * regulations ask for, with a review date a year after it was prepared; neither it nor the privacy
 * notice claims that partnership pages show how to reach the partnership; and a strategy page
 * says where the strategy stands (draft, interim, adopted, superseded) in words.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { Window } from 'happy-dom'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { strategyStatuses } from '../../cms/taxonomy'
import { PARTNERSHIP_CONTACT_CLAIM, plain } from '../helpers/statements'

const siteDir = inject('siteDir')
const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } })
afterAll(() => window.happyDOM.close())

const page = (p: string) => new window.DOMParser().parseFromString(readFileSync(path.join(siteDir, p, 'index.html'), 'utf8'), 'text/html') as unknown as Document
const text = (el: Element | null | undefined) => plain(el?.textContent ?? '')
const headings = (doc: Document) => [...doc.querySelectorAll('main h2, main h3')].map((h) => text(h))

describe('the accessibility statement', () => {
  const doc = page('accessibility')
  const main = text(doc.querySelector('main'))

  it('has the model statement’s sections', () => {
    expect(headings(doc)).toEqual(
      expect.arrayContaining([
        'How accessible this website is',
        'Feedback and contact information',
        'Reporting accessibility problems with this website',
        'Enforcement procedure',
        "Technical information about this website's accessibility",
        'Compliance status',
        'Non-accessible content',
        'Non-compliance with the accessibility regulations',
        'Disproportionate burden',
        'Content that is not within the scope of the accessibility regulations',
        'Preparation of this accessibility statement',
      ]),
    )
  })

  it('says how to ask for another format, and whom to complain to', () => {
    expect(main).toMatch(/If you need information on this website in a different format/)
    expect(main).toMatch(/Equality and Human Rights Commission \(EHRC\)/)
    expect(main).toMatch(/Equality Advisory and Support Service \(EASS\)/)
    // Plain links only: the site makes no request to another website (tests/e2e/privacy.e2e.test.ts).
    expect(doc.querySelector('main a[href="https://www.equalityadvisoryservice.com/"]')).not.toBeNull()
  })

  it('is honest about compliance: partially compliant, the admin screens named', () => {
    expect(main).toMatch(/This website is partially compliant with the Web Content Accessibility Guidelines version 2\.2 AA standard/)
    expect(main).toMatch(/content management system[^.]*do not meet the WCAG 2\.2 AA standard/)
  })

  it('was prepared on a date and is to be reviewed within 12 months of it', () => {
    const prepared = main.match(/This statement was prepared on (\d{1,2} \w+ \d{4})/)?.[1]
    const review = main.match(/We will review it again by (\d{1,2} \w+ \d{4})/)?.[1]
    expect(prepared && review, 'preparation and review dates').toBeTruthy()
    const months = (new Date(review!).getTime() - new Date(prepared!).getTime()) / (30.44 * 24 * 3600 * 1000)
    expect(months).toBeGreaterThan(0)
    expect(months).toBeLessThanOrEqual(12.1)
  })
})

describe.each(['accessibility', 'privacy'])('/%s/', (name) => {
  it('does not say partnership pages show how to reach the partnership', () => {
    expect(text(page(name).querySelector('main'))).not.toMatch(PARTNERSHIP_CONTACT_CLAIM)
  })
})

describe('strategy pages', () => {
  // The built site is seeded from content/: each published strategy's page shows its own status.
  const seeded = readdirSync('content/strategies')
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(path.join('content/strategies', f), 'utf8')) as { slug: string; status: keyof typeof strategyStatuses })

  it.for(seeded.map((s) => [s.slug, s.status] as const))('%s says it is %s in words', ([slug, status]) => {
    const status_ = page(`strategies/${slug}`).querySelector('[data-strategy-status]')
    expect(status_?.getAttribute('data-strategy-status')).toBe(status)
    expect(text(status_)).toMatch(new RegExp(`^${strategyStatuses[status]} strategy: \\w`))
  })

  it('shows an interim strategy as "Interim strategy"', () => {
    // Barking and Dagenham's VAWG strategy was signed off "as interim status" (the September 2018 board pack).
    const interim = seeded.find((s) => s.status === 'interim')
    expect(interim, 'a strategy seeded as interim').toBeDefined()
    expect(text(page(`strategies/${interim!.slug}`).querySelector('main'))).toContain('Interim strategy: in use for now, but not yet formally adopted.')
  })
})
