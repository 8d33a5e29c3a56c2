/**
 * What the built site says about a seeded directory entry's provider and its dates (issue 13):
 * an entry whose paper names no provider says so and never shows a guessed organisation; nobody
 * has confirmed a seeded entry, so each says "Not yet confirmed with the service"; and each says
 * where its details come from, with the paper's own date or period. Read from the built files of
 * the shared test site (seeded from content/).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, inject, it } from 'vitest'

const siteDir = inject('siteDir')
const html = (page: string) => readFileSync(path.join(siteDir, page, 'index.html'), 'utf8')
/** The visible text of a page's main element, tags dropped and whitespace collapsed. */
const mainText = (page: string) =>
  (html(page).match(/<main[\s\S]*?<\/main>/)?.[0] ?? '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, '’')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')

const unnamed = [
  'vawg-counselling',
  'evolve-and-adapt-mentoring',
  'independent-domestic-and-sexual-violence-advocacy-service',
  'domestic-violence-programme-for-children',
  'girls-empowerment-peer-education-programme',
  'barking-and-dagenham-refuge-accommodation',
]

it('says "Provider not named in the source" where the paper names none, and never shows an organisation there', () => {
  for (const slug of unnamed) {
    const text = mainText(`services/${slug}`)
    expect(text, slug).toContain('Provider not named in the source')
    expect(text, slug).not.toMatch(/Run by|About (the )?(London Borough of Redbridge|Barking and Dagenham Council)/)
  }
  // The counselling is funded through London Councils: a funder is not its provider.
  expect(mainText('services/vawg-counselling')).not.toContain('Run by London Councils')
  // Its card in the directory says the same.
  const card = html('support').match(/<li[^>]*data-service[\s\S]*?href="\/services\/vawg-counselling\/"[\s\S]*?<\/li>/)?.[0] ?? ''
  expect(card).toContain('Provider not named in the source')
})

it('shows the organisation where the paper names it', () => {
  expect(mainText('services/one-to-one-perpetrator-programme')).toMatch(/Run by Refuge/)
})

it('claims no check nobody made: every seeded entry says it is not yet confirmed, and where its details come from', () => {
  expect(mainText('services/vawg-counselling')).toContain('Not yet confirmed with the service')
  expect(mainText('services/vawg-counselling')).not.toMatch(/Last checked/)
  expect(mainText('services/vawg-counselling')).toContain(
    'From: Barking and Dagenham Community Safety Partnership board papers, with the Violence Against Women and Girls Strategy 2018–2022, 26 September 2018.',
  )
  expect(mainText('services/evolve-and-adapt-mentoring')).toContain('Making Redbridge Safe: our plan 2022–2025, Redbridge Community Safety Partnership strategy, 2022–2025.')
  // A paper with no date of its own says so rather than taking one from elsewhere.
  expect(mainText('services/imraa-leadership-course')).toMatch(/From: Imra’a – Here I Stand, Here I Stay: the project’s own description \(undated\)\./)
  expect(html('support')).toContain('Not yet confirmed with the service')
})

it('says the same in the open-data snapshot: no organisation for an unnamed provider, and no assured date', () => {
  type Service = { name: string; organization_id?: string; assured_date?: string; attributes?: { taxonomy_term: { code: string } }[] }
  const snapshot = JSON.parse(readFileSync(path.join(siteDir, 'open-data', 'services.json'), 'utf8')) as Service[] | { contents: Service[] }
  const services = Array.isArray(snapshot) ? snapshot : snapshot.contents
  const counselling = services.find((s) => s.name === 'Violence Against Women and Girls counselling')!
  expect(counselling).toBeDefined()
  expect(counselling.organization_id).toBeUndefined()
  expect(counselling.attributes?.map((a) => a.taxonomy_term.code)).toEqual(expect.arrayContaining(['provider-not-named', 'not-yet-confirmed']))
  for (const service of services) expect(service.assured_date, service.name).toBeUndefined()
})
