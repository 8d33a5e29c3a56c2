/**
 * The parts of the content format that hold a full backup (cms/seed/schemas.ts): publication
 * state, pending drafts, review trail, media files and site settings — each wrong value reported
 * with its file and field, before anything is written.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentDir, problemsOf } from '../helpers/content'
import { loadContent } from '../../cms/seed/load'

const organisation = { slug: 'refuge', name: 'Refuge', type: 'charity', source: 'barking-dagenham-news-deputy-mayor-visit.txt' }
const partnership = { slug: 'bd-csp', name: 'B&D CSP', area: 'barking-and-dagenham', summary: 'A partnership.', members: [{ organisation: 'refuge' }] }
const service = {
  slug: 'refuge-dsv', name: 'Domestic and Sexual Violence service', organisation: 'refuge', description: 'Support.',
  categories: ['domestic-abuse'], audiences: ['women'], areas: ['barking-and-dagenham'],
}
const news = { slug: 'visit', title: 'A visit', date: '2020-11-24', summary: 'Visit.', body: 'The **deputy mayor** visited.', partnerships: ['bd-csp'] }
const base = { 'organisations/refuge.json': organisation, 'partnerships/bd-csp.json': partnership, 'services/refuge-dsv.json': service, 'news/visit.json': news }



describe('publication state', () => {
  it('defaults to published, so every existing content/ file keeps its meaning', async () => {
    const bundle = await loadContent(contentDir(base))
    expect(bundle.services[0]!.publication).toBe('published')
    expect(bundle.media).toEqual([])
    expect(bundle.settings).toBeUndefined()
  })

  it('rejects an unknown state, naming file and field', async () => {
    const problems = await problemsOf({ ...base, 'services/refuge-dsv.json': { ...service, publication: 'live' } })
    expect(problems).toEqual(['services/refuge-dsv.json: publication must be "published" or "draft"'])
  })

  it('lets a never-published draft be as incomplete as the CMS allows, but still checks what it has', async () => {
    const bundle = await loadContent(contentDir({ ...base, 'news/idea.json': { slug: 'idea', publication: 'draft', title: 'An idea' } }))
    expect(bundle.news.find((n) => n.slug === 'idea')).toMatchObject({ publication: 'draft', title: 'An idea', partnerships: [], tags: [] })
    const problems = await problemsOf({ ...base, 'news/idea.json': { slug: 'idea', publication: 'draft', date: 'soon', partnerships: ['nowhere'] } })
    expect(problems).toContainEqual('news/idea.json: date must be a date written YYYY-MM-DD')
  })

  it('still needs every required field on a published record', async () => {
    const { description: _left, ...withoutDescription } = service
    const problems = await problemsOf({ ...base, 'services/refuge-dsv.json': withoutDescription })
    expect(problems).toEqual([expect.stringMatching(/^services\/refuge-dsv\.json: description /)])
  })
})

describe('pending drafts', () => {
  it('holds a newer unpublished version beside the live one', async () => {
    const bundle = await loadContent(contentDir({ ...base, 'services/refuge-dsv.json': { ...service, draft: { description: 'New text', review: { state: 'pending' } } } }))
    const entry = bundle.services[0]!
    expect(entry.description).toBe('Support.')
    expect((entry as { draft?: unknown }).draft).toMatchObject({ description: 'New text', review: { state: 'pending' } })
  })

  it('rejects a draft with unknown or wrongly typed fields, or one that sets its own state', async () => {
    const problems = await problemsOf({
      ...base,
      'services/refuge-dsv.json': { ...service, draft: { descripton: 'typo', urgent: 'yes', categories: ['knitting'], publication: 'draft' } },
    })
    expect(problems).toContainEqual(expect.stringMatching(/^services\/refuge-dsv\.json: draft\.urgent /))
    expect(problems).toContainEqual(expect.stringMatching(/^services\/refuge-dsv\.json: draft\.categories\[0\] /))
    expect(problems).toContainEqual('services/refuge-dsv.json: draft has unknown fields "descripton", "publication"')
  })

  it('checks the references a draft makes', async () => {
    const problems = await problemsOf({ ...base, 'services/refuge-dsv.json': { ...service, draft: { organisation: 'nobody' } } })
    expect(problems).toEqual(['services/refuge-dsv.json: draft.organisation: organisation "nobody" does not exist in content/organisations/'])
  })

  it('does not let a draft carry nested records (agenda items are not versioned)', async () => {
    const meeting = { slug: 'm', title: 'Board', partnership: 'bd-csp', board: 'CSP Board', date: '2018-09-26', draft: { agenda: [] } }
    const problems = await problemsOf({ ...base, 'meetings/m.json': meeting })
    expect(problems).toEqual(['meetings/m.json: draft has unknown field "agenda"'])
  })
})

describe('review trail', () => {
  it('accepts the review states of the CMS and rejects others', async () => {
    await expect(loadContent(contentDir({ ...base, 'organisations/refuge.json': { ...organisation, review: { state: 'approved', note: 'Fine.' } } }))).resolves.toBeDefined()
    const problems = await problemsOf({ ...base, 'organisations/refuge.json': { ...organisation, review: { state: 'lost', submittedAt: 'yesterday' } } })
    expect(problems).toContainEqual(expect.stringMatching(/^organisations\/refuge\.json: review\.state /))
    expect(problems).toContainEqual(expect.stringMatching(/^organisations\/refuge\.json: review\.submittedAt must be a timestamp/))
  })
})

describe('media', () => {
  const withImage = { ...base, 'news/visit.json': { ...news, image: 'visit.jpg' } }

  it('names a media file missing from media/, with its entry in media.json', async () => {
    const problems = await problemsOf({ ...withImage, 'media.json': [{ file: 'visit.jpg', alt: 'The visit' }] })
    expect(problems).toEqual(['media.json: [0].file "visit.jpg" does not exist in media/'])
  })

  it('names a record pointing at a file media.json does not list, with its field', async () => {
    const problems = await problemsOf({ ...withImage, 'media.json': [] })
    expect(problems).toEqual(['news/visit.json: image: media file "visit.jpg" is not listed in media.json'])
  })

  it('needs alt text and a plain file name', async () => {
    const problems = await problemsOf({ ...base, 'media.json': [{ file: '../etc/passwd', alt: '' }] })
    expect(problems).toContainEqual(expect.stringMatching(/^media\.json: \[0\]\.file must be a file name in media\//))
    expect(problems).toContainEqual(expect.stringMatching(/^media\.json: \[0\]\.alt must not be empty/))
  })

  it('loads a listed file that is there', async () => {
    const bundle = await loadContent(contentDir({ ...withImage, 'media.json': [{ file: 'visit.jpg', alt: 'The visit', credit: 'Council' }], 'media/visit.jpg': 'jpeg bytes' }))
    expect(bundle.media).toEqual([{ file: 'visit.jpg', alt: 'The visit', credit: 'Council' }])
    expect(bundle.mediaDir.endsWith(`${path.sep}media`)).toBe(true)
  })
})

describe('site settings', () => {
  it('reads settings.json and insists the quick exit goes to an https:// address', async () => {
    const bundle = await loadContent(contentDir({ ...base, 'settings.json': { siteName: 'CSP Hub', alert: { enabled: true, message: 'Closed Friday.' } } }))
    expect(bundle.settings).toEqual({ siteName: 'CSP Hub', alert: { enabled: true, message: 'Closed Friday.' } })
    const problems = await problemsOf({ ...base, 'settings.json': { quickExitUrl: 'http://example.org/' } })
    expect(problems).toEqual(['settings.json: quickExitUrl must start https://'])
  })
})
