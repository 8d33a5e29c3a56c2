import { describe, expect, it } from 'vitest'
import { contentDir, problemsOf } from '../../tests/helpers/content'
import { loadContent } from './load'

const organisation = { slug: 'refuge', name: 'Refuge', type: 'charity', source: 'barking-dagenham-news-deputy-mayor-visit.txt' }
const partnership = {
  slug: 'bd-csp', name: 'B&D CSP', area: 'barking-and-dagenham', summary: 'A partnership.',
  members: [{ organisation: 'refuge' }], source: 'barking-dagenham-csp-board-pack-2018-09.txt',
}
const service = {
  slug: 'refuge-dsv', name: 'Domestic and Sexual Violence service', organisation: 'refuge', description: 'Support.',
  categories: ['domestic-abuse'], audiences: ['women'], areas: ['barking-and-dagenham'],
  source: 'barking-dagenham-news-deputy-mayor-visit.txt',
}
const strategy = {
  slug: 'vawg', title: 'VAWG strategy', partnership: 'bd-csp', periodStart: 2018, periodEnd: 2022, status: 'adopted',
  summary: 'Ending VAWG.', source: 'barking-dagenham-csp-board-pack-2018-09.txt',
  priorities: [{ slug: 'p1', title: 'Prevention', order: 1, goal: 'Prevent.', measures: [{ direction: 'reduce', description: 'Repeat victimisation', baseline: { value: 28, unit: '%', date: '2017-09-30' } }] }],
}


const good = {
  'organisations/refuge.json': organisation,
  'partnerships/bd-csp.json': partnership,
  'services/refuge-dsv.json': service,
  'strategies/vawg.json': strategy,
}


describe('loadContent', () => {
  it('parses a good folder and applies defaults', async () => {
    const bundle = await loadContent(contentDir(good))
    expect(bundle.organisations).toHaveLength(1)
    expect(bundle.services[0]).toMatchObject({ slug: 'refuge-dsv', urgent: false, contact: {}, languages: [] })
    expect(bundle.strategies[0]!.priorities[0]!.measures[0]!.baseline).toEqual({ value: 28, unit: '%', date: '2017-09-30' })
    expect(bundle.news).toEqual([])
  })

  it('names the file and the field that is wrong', async () => {
    const problems = await problemsOf({
      ...good,
      'services/refuge-dsv.json': { ...service, categories: ['knitting'], contact: { phone: '12345' }, confirmed: { on: '2020-13-45', by: ' ' } },
    })
    expect(problems.some((p) => p.startsWith('services/refuge-dsv.json: categories[0]'))).toBe(true)
    expect(problems).toContainEqual(expect.stringMatching(/^services\/refuge-dsv\.json: contact\.phone must be a UK phone number/))
    expect(problems).toContainEqual(expect.stringMatching(/^services\/refuge-dsv\.json: confirmed\.on must be a date written YYYY-MM-DD/))
    expect(problems).toContainEqual('services/refuge-dsv.json: confirmed.by must say who confirmed it')
  })

  it('insists a published entry names its provider or says the source does not, and never both', async () => {
    const { organisation: _, ...noProvider } = service
    const neither = await problemsOf({ ...good, 'services/refuge-dsv.json': noProvider })
    expect(neither).toContainEqual(expect.stringMatching(/^services\/refuge-dsv\.json: organisation Choose the organisation that runs this service, or tick "Provider not named in the source"/))
    const both = await problemsOf({ ...good, 'services/refuge-dsv.json': { ...service, providerNotNamed: true } })
    expect(both).toContainEqual(expect.stringMatching(/^services\/refuge-dsv\.json: providerNotNamed Choose one/))
    // A pending change names only what it changes; it must still not claim both.
    await expect(loadContent(contentDir({ ...good, 'services/refuge-dsv.json': { ...service, draft: { description: 'New.' } } }))).resolves.toBeDefined()
    expect(await problemsOf({ ...good, 'services/refuge-dsv.json': { ...service, draft: { organisation: 'refuge', providerNotNamed: true } } })).toContainEqual(expect.stringMatching(/draft\.providerNotNamed Choose one/))
    const bundle = await loadContent(contentDir({ ...good, 'services/refuge-dsv.json': { ...noProvider, providerNotNamed: true } }))
    expect(bundle.services[0]).toMatchObject({ providerNotNamed: true })
  })

  it('rejects unknown fields, so a typo is not silently dropped', async () => {
    const problems = await problemsOf({ ...good, 'organisations/refuge.json': { ...organisation, phoen: '999' } })
    expect(problems.join('\n')).toMatch(/organisations\/refuge\.json: .*phoen/)
  })

  it('rejects a strategy that ends before it starts, and a bad measure direction', async () => {
    const problems = await problemsOf({
      ...good,
      'strategies/vawg.json': { ...strategy, periodEnd: 2017, priorities: [{ ...strategy.priorities[0], measures: [{ direction: 'sideways', description: 'x' }] }] },
    })
    expect(problems).toContainEqual('strategies/vawg.json: periodEnd must not be before periodStart')
    expect(problems).toContainEqual(expect.stringMatching(/^strategies\/vawg\.json: priorities\[0\]\.measures\[0\]\.direction/))
  })

  it('reports invalid JSON, a slug that does not match its file, and duplicates', async () => {
    const problems = await problemsOf({
      ...good,
      'news/broken.json': '{ "title": ',
      'organisations/other.json': { ...organisation, slug: 'refuge' },
    })
    expect(problems).toContainEqual(expect.stringMatching(/^news\/broken\.json: is not valid JSON/))
    expect(problems).toContainEqual('organisations/other.json: slug "refuge" must match the file name')
    expect(problems).toContainEqual('organisations/refuge.json: slug "refuge" is used twice')
  })

  it('refuses a language given twice among a strategy’s or a priority’s translations, as the CMS does', async () => {
    const pl = { language: 'pl', title: 'Strategia', summary: 'S.', translator: 'Zespół', lastChecked: '2026-11-20' }
    const plPriority = { language: 'pl', title: 'Priorytet', goal: 'Cel.', translator: 'Zespół', lastChecked: '2026-11-20' }
    const problems = await problemsOf({
      ...good,
      'strategies/vawg.json': { ...strategy, translations: [pl, { ...pl, title: 'Again' }], priorities: [{ ...strategy.priorities[0], translations: [plPriority, plPriority] }] },
    })
    expect(problems).toEqual([
      'strategies/vawg.json: translations[1].language "pl" is given twice',
      'strategies/vawg.json: priorities[0].translations[1].language "pl" is given twice',
    ])
    // Once each is fine.
    await expect(loadContent(contentDir({ ...good, 'strategies/vawg.json': { ...strategy, translations: [pl], priorities: [{ ...strategy.priorities[0], translations: [plPriority] }] } }))).resolves.toBeDefined()
  })

  it('refuses a language given twice among a directory entry’s translations, as the CMS does', async () => {
    const pl = { language: 'pl', name: 'Usługa', description: 'Opis.', translator: 'Zespół', lastChecked: '2026-11-20' }
    expect(await problemsOf({ ...good, 'services/refuge-dsv.json': { ...service, translations: [pl, { ...pl, name: 'Again' }] } })).toEqual(['services/refuge-dsv.json: translations[1].language "pl" is given twice'])
    await expect(loadContent(contentDir({ ...good, 'services/refuge-dsv.json': { ...service, translations: [pl] } }))).resolves.toBeDefined()
  })

  it('reports references to records that do not exist', async () => {
    const problems = await problemsOf({ ...good, 'services/refuge-dsv.json': { ...service, organisation: 'nobody' } })
    expect(problems).toEqual(['services/refuge-dsv.json: organisation: organisation "nobody" does not exist in content/organisations/'])
  })

  it('rejects a source that is not a seed document file name', async () => {
    const problems = await problemsOf({ ...good, 'organisations/refuge.json': { ...organisation, source: 'my memory' } })
    expect(problems).toContainEqual(expect.stringMatching(/^organisations\/refuge\.json: source must be the file name of a seed document/))
  })
})
