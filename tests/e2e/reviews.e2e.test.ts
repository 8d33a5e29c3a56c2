/**
 * Domestic homicide reviews end to end (issue 21), with clearly fictional fixtures:
 * - the built site (tests/helpers/review-fixtures.ts, built once for every browser test): the list,
 *   a review page with its contents, report, QA letter and recommendations table, one past its window
 *   shown as available on request, a review holding its redaction term left out with the field
 *   named, the priority page's review learning, and no staff-only text in any output file — the
 *   Pagefind index, RSS and the Open Referral file included;
 * - the running CMS over HTTP: the publication gates refuse each missing condition on its field; the
 *   redaction guard refuses a term, naming the field; anonymous visitors and partners never receive a
 *   staff-only field (lists, one record, population through recommendations, version history, queries
 *   on those fields); a partner updates their own organisation's recommendation only, as a draft.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { REVIEW_FIXTURES as F, sections } from '../helpers/review-fixtures'
import { filesIn } from '../helpers/site-pages'
import { PASSWORD, restClient, type Session } from '../helpers/rest'

const siteUrl = inject('siteUrl')
const siteDir = inject('siteDir')
const cms = inject('cmsUrl')

const page = (route: string) => readFileSync(path.join(siteDir, route, 'index.html'), 'utf8')
const plain = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;|&rsquo;/g, "'").replace(/\s+/g, ' ')

describe('the built site', () => {
  it('lists the published reviews, never a draft or one left out', () => {
    const list = plain(page('reviews'))
    expect(list).toContain(F.live.pseudonym)
    expect(list).toContain(F.expired.pseudonym)
    expect(list).not.toContain(F.redacted.pseudonym)
    expect(list).not.toContain(F.draft.pseudonym)
    expect(list).not.toContain(F.newTerm.pseudonym)
    expect(page('reviews')).toContain('data-pagefind-body')
  })

  it('shows a review with its quick exit, contents, report, QA letter and recommendations table', async () => {
    const html = page(`reviews/${F.live.slug}`)
    expect(html).toContain('data-quick-exit')
    expect(html).toContain('data-pagefind-body')
    // Each contents link leads to a heading on the page.
    const contents = html.match(/<nav aria-labelledby="contents"[\s\S]*?<\/nav>/)![0]
    const targets = [...contents.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!)
    expect(targets).toEqual(expect.arrayContaining(['executive-summary', 'summary-1', 'summary-2', 'overview-report', 'report-1', 'report-2', 'documents', 'recommendations']))
    for (const id of targets) expect(html, `#${id}`).toContain(`id="${id}"`)
    expect(plain(html)).toContain('A fictional summary written for the automated tests.')
    // The QA letter is a file of the site itself, a real PDF.
    const href = html.match(/href="(\/reviews\/documents\/[^"]+\.pdf)"/)![1]!
    const pdf = await fetch(siteUrl + href)
    expect(pdf.status).toBe(200)
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-')
    expect(plain(html)).toContain(F.qaLetterTitle)
    // The recommendations' progress, one row each, with the note and the priority it answers.
    const table = html.match(/<table class="recommendations[\s\S]*?<\/table>/)![0]
    expect(table.match(/<tr/g)!.length).toBe(4)
    expect(plain(table)).toContain(F.recommendation)
    expect(plain(table)).toMatch(/In progress\s+Test fixture: training booked/)
    expect(plain(table)).toMatch(/Not accepted\s+Test fixture: funded elsewhere/)
    expect(table).toMatch(/href="\/strategies\/[^"]+\/[^"]+\/"/)
  })

  it('shows a review past its window as available on request, without its report or documents', () => {
    const html = page(`reviews/${F.expired.slug}`)
    const text = plain(html)
    expect(text).toContain('This review is available on request')
    // The test site has no contact for its partnerships or itself: the page names who holds the report, never a guessed address.
    expect(text).toMatch(/Ask [^.]+, the partnership that commissioned it, or the council for your area\./)
    expect(text).not.toContain('Test fixture report past its window')
    expect(text).not.toContain('leaves the site after the window')
    expect(html).not.toContain('/reviews/documents/')
    expect(filesIn(path.join(siteDir, 'reviews', 'documents')).map((f) => path.basename(f))).toEqual([`${F.live.slug}-qa-letter.pdf`])
  })

  it('leaves out a review whose report holds one of its redaction terms, naming the field (not the term)', () => {
    const excluded = JSON.parse(readFileSync(path.join(path.dirname(siteDir), 'excluded.json'), 'utf8')) as { collection: string; slug: string; problem: string }[]
    const mine = excluded.filter((e) => e.collection === 'reviews').sort((a, b) => a.slug.localeCompare(b.slug))
    expect(mine).toEqual([
      expect.objectContaining({ slug: F.redacted.slug, problem: expect.stringMatching(/^its report contains redaction term 1/) }),
      // A term added in a draft (the CMS will not publish it) already keeps the live review out.
      expect.objectContaining({ slug: F.newTerm.slug, problem: expect.stringMatching(/^its executiveSummary contains redaction term 1/) }),
    ])
    expect(JSON.stringify(mine)).not.toContain(F.leakedTerm)
    expect(JSON.stringify(mine)).not.toContain(F.draftTerm)
    for (const slug of [F.redacted.slug, F.newTerm.slug]) expect(filesIn(siteDir).some((f) => f.includes(slug))).toBe(false)
  })

  it('lists the review learning on the priority page it answers', () => {
    const pages = filesIn(path.join(siteDir, 'strategies'), (f) => f.endsWith('.html')).map((f) => readFileSync(f, 'utf8'))
    const answering = pages.filter((h) => h.includes('Learning from domestic homicide reviews'))
    expect(answering).toHaveLength(1)
    expect(plain(answering[0]!)).toContain(F.recommendation)
    expect(answering[0]).toContain(`href="/reviews/${F.live.slug}/"`)
  })

  it('puts no staff-only text, redaction term or draft review in any file: HTML, Pagefind index, RSS, open data, sitemap', () => {
    const texts = filesIn(siteDir)
      .filter((f) => !/\.(png|jpe?g|webp|avif|ico|wasm|woff2?|pdf)$/.test(f))
      .map((file) => {
        const raw = readFileSync(file)
        let text = raw.toString('utf8')
        if (/\.pf_(fragment|index|meta)$/.test(file) || /pagefind\/.*\.pagefind$/.test(file)) {
          try {
            text = gunzipSync(raw).toString('utf8')
          } catch {
            /* not compressed */
          }
        }
        return { file: path.relative(siteDir, file), text: text.toLowerCase() }
      })
    // The probe reads what it must: the search index holds the review, and the feeds are there.
    expect(texts.some((t) => t.file.endsWith('.pf_fragment') && t.text.includes(F.live.pseudonym.toLowerCase()))).toBe(true)
    for (const feed of ['news/rss.xml', 'open-data/services.json']) expect(texts.some((t) => t.file === feed)).toBe(true)
    const secrets = [F.staffMarker, F.term, F.leakedTerm, F.draftTerm, F.draft.pseudonym, 'family view', 'familyoutcome', 'redactionterms', 'publicationchecks']
    const leaks = texts.flatMap(({ file, text }) => secrets.filter((s) => text.includes(s.toLowerCase())).map((s) => `${file}: ${s}`))
    expect(leaks).toEqual([])
  })
})

describe('the CMS over HTTP', () => {
  const { call, login, admin } = restClient(cms)
  const anonymous: Session = {}
  const stamp = Date.now()
  const marker = `Kestrelwing ${stamp} staff-only`
  const term = `Quillfeather ${stamp}`
  let root: Session
  let editor: Session
  let partnerA: Session
  let partnerB: Session
  let orgA: number
  let orgB: number
  let partnership: number
  const reviews: number[] = []
  const recs: Record<'a' | 'b', number> = { a: 0, b: 0 }
  const users: number[] = []

  const gates = () => ({
    qaLetterReceivedOn: '2026-03-02T00:00:00.000Z',
    publicationChecks: { familyConsultedOn: '2026-03-10T00:00:00.000Z', familyOutcome: `${marker} family outcome`, criminalProceedings: 'concluded', inquest: 'none' },
  })
  const reviewBody = (pseudonym: string, extra: Record<string, unknown> = {}) => ({
    pseudonym, year: 2026, reviewType: 'domestic-homicide', partnership, status: 'published',
    executiveSummary: sections(['Summary', `Fictional e2e summary ${stamp}.`]), report: sections(['Findings', `Fictional e2e report ${stamp}.`]),
    redactionTerms: [{ term }], ...gates(), ...extra,
  })

  beforeAll(async () => {
    root = await admin()
    const orgs = (await call(root, 'GET', '/organisations?limit=100&depth=0&sort=id')).json.docs as { id: number }[]
    ;[orgA, orgB] = [orgs[0]!.id, orgs[1]!.id]
    partnership = (await call(root, 'GET', '/partnerships?limit=1&depth=0&sort=id')).json.docs[0].id
    const make = async (role: string, email: string, organisation?: number) => {
      const created = await call(root, 'POST', '/users', { name: `${role} ${stamp}`, email, password: PASSWORD, role, ...(organisation ? { organisation } : {}) })
      expect(created.status, JSON.stringify(created.json)).toBe(201)
      users.push(created.json.doc.id)
      return login(email, PASSWORD)
    }
    editor = await make('editor', `reviews-editor-${stamp}@example.org`)
    partnerA = await make('partner', `reviews-a-${stamp}@example.org`, orgA)
    partnerB = await make('partner', `reviews-b-${stamp}@example.org`, orgB)
    const live = await call(editor, 'POST', '/reviews', { ...reviewBody(`Adult E2E (test fixture) ${stamp}`), _status: 'published' })
    expect(live.status, JSON.stringify(live.json)).toBe(201)
    reviews.push(live.json.doc.id)
    for (const [key, organisation] of [['a', orgA], ['b', orgB]] as const) {
      const rec = await call(editor, 'POST', '/recommendations', { homicideReview: live.json.doc.id, recommendation: `Fictional e2e recommendation ${key} ${stamp}`, organisation, status: 'not-started', _status: 'published' })
      expect(rec.status, JSON.stringify(rec.json)).toBe(201)
      recs[key] = rec.json.doc.id
    }
    const draft = await call(editor, 'POST', '/reviews?draft=true', { ...reviewBody(`Adult E2E draft ${stamp}`), status: 'submitted', _status: 'draft' })
    expect(draft.status, JSON.stringify(draft.json)).toBe(201)
    reviews.push(draft.json.doc.id)
  })

  afterAll(async () => {
    for (const id of Object.values(recs)) if (id) await call(root, 'DELETE', `/recommendations/${id}`)
    for (const id of reviews) await call(root, 'DELETE', `/reviews/${id}`)
    for (const id of users) await call(root, 'DELETE', `/users/${id}`)
  })

  describe('publication gates', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['no QA letter', { qaLetterReceivedOn: null }, 'qaLetterReceivedOn'],
      ['family not consulted', { publicationChecks: { ...gates().publicationChecks, familyConsultedOn: null } }, 'publicationChecks.familyConsultedOn'],
      ['no outcome of the consultation', { publicationChecks: { ...gates().publicationChecks, familyOutcome: '' } }, 'publicationChecks.familyOutcome'],
      ['criminal proceedings under way', { publicationChecks: { ...gates().publicationChecks, criminalProceedings: 'ongoing' } }, 'publicationChecks.criminalProceedings'],
      ['inquest not concluded', { publicationChecks: { ...gates().publicationChecks, inquest: 'ongoing' } }, 'publicationChecks.inquest'],
      ['status not yet Published', { status: 'qa-letter-received' }, 'status'],
      ['a redaction term in the executive summary', { executiveSummary: sections(['Summary', `It names ${term.toUpperCase()}.`]) }, 'executiveSummary'],
    ]
    for (const [what, change, field] of cases) {
      it(`refuses to publish with ${what}, on ${field}, with the reason`, async () => {
        const { status, json } = await call(editor, 'POST', '/reviews', { ...reviewBody(`Adult Gate ${stamp} ${field}`, change), _status: 'published' })
        if (status === 201) reviews.push(json.doc.id)
        expect(status).toBe(400)
        const errors = (json.errors?.[0]?.data?.errors ?? []) as { path: string; message: string }[]
        expect(errors.map((e) => e.path)).toEqual([field])
        expect(errors[0]!.message).toMatch(/^Not published: /)
        expect(JSON.stringify(json)).not.toContain(term)
      })
    }
  })

  it('gives anonymous visitors and partners no staff-only field, by any route', async () => {
    const [live, draft] = reviews as [number, number]
    const probes: [Session, string][] = []
    for (const who of [anonymous, partnerA]) {
      for (const route of [
        '/reviews', '/reviews?depth=2', `/reviews/${live}`, `/reviews/${live}?depth=2&draft=true`, `/reviews/${draft}`, '/reviews?draft=true',
        '/recommendations?depth=2', `/recommendations/${recs.a}?depth=3`, '/reviews/versions', `/reviews/versions?where[parent][equals]=${live}`,
        '/recommendations/versions?depth=2', `/reviews?select[publicationChecks]=true&select[redactionTerms]=true`,
        // The Open Referral API serves the directory only; nothing of a review may reach it either.
        '/openreferral/services?per_page=50&page=1', '/openreferral/organizations?per_page=50',
      ]) probes.push([who, route])
    }
    const leaks: string[] = []
    for (const [who, route] of probes) {
      const { status, json } = await call(who, 'GET', route)
      const body = JSON.stringify(json ?? '')
      for (const secret of [marker, term, 'familyOutcome', 'familyConsultedOn', 'criminalProceedings', `Adult E2E draft ${stamp}`])
        if (body.includes(secret)) leaks.push(`${who === anonymous ? 'anonymous' : 'partner'} ${route} (${status}): ${secret}`)
    }
    expect(leaks).toEqual([])
    // The public part is there: the probe reads what a visitor should get.
    const one = await call(anonymous, 'GET', `/reviews/${live}`)
    expect(one.status).toBe(200)
    expect(one.json.pseudonym).toBe(`Adult E2E (test fixture) ${stamp}`)
    expect(one.json.redactionTerms ?? []).toEqual([])
    expect((await call(anonymous, 'GET', '/openreferral/services?per_page=50&page=1')).status).toBe(200)
  })

  it('answers no question about a staff-only field: a query on it finds nothing or is refused', async () => {
    for (const who of [anonymous, partnerA]) {
      for (const where of [`where[redactionTerms.term][like]=${encodeURIComponent('Quillfeather')}`, `where[publicationChecks.familyOutcome][like]=Kestrelwing`, 'where[publicationChecks.inquest][equals]=none']) {
        const { status, json } = await call(who, 'GET', `/reviews?${where}`)
        expect(status === 400 || status === 403 || (status === 200 && json.totalDocs === 0), `${where} → ${status} ${JSON.stringify(json).slice(0, 200)}`).toBe(true)
      }
    }
  })

  it('lets a partner update their own organisation’s recommendation only, and only its progress, as a draft for review', async () => {
    const own = await call(partnerA, 'PATCH', `/recommendations/${recs.a}`, { status: 'in-progress', statusNote: `Fictional progress ${stamp}`, recommendation: 'Rewritten by a partner', _status: 'published' })
    expect(own.status, JSON.stringify(own.json)).toBe(200)
    expect(own.json.doc._status).toBe('draft')
    expect(own.json.doc.review.state).toBe('pending')
    expect(own.json.doc.recommendation).toBe(`Fictional e2e recommendation a ${stamp}`)
    // Live stays as last approved until an editor publishes.
    expect((await call(anonymous, 'GET', `/recommendations/${recs.a}`)).json.status).toBe('not-started')
    const other = await call(partnerA, 'PATCH', `/recommendations/${recs.b}`, { status: 'done' })
    expect([403, 404]).toContain(other.status)
    expect((await call(editor, 'GET', `/recommendations/${recs.b}?draft=true`)).json.status).toBe('not-started')
    // Nor can a partner make one, or move theirs to another organisation.
    expect([401, 403]).toContain((await call(partnerA, 'POST', '/recommendations', { homicideReview: reviews[0], recommendation: 'x', organisation: orgA, status: 'done' })).status)
    const moved = await call(partnerA, 'PATCH', `/recommendations/${recs.a}`, { organisation: orgB })
    expect(moved.status === 403 || (moved.status === 200 && moved.json.doc.organisation.id === orgA), JSON.stringify(moved.json).slice(0, 300)).toBe(true)
    // The editor publishes the submission: residents then see the progress.
    const approved = await call(editor, 'PATCH', `/recommendations/${recs.a}`, { _status: 'published' })
    expect(approved.status, JSON.stringify(approved.json)).toBe(200)
    expect((await call(anonymous, 'GET', `/recommendations/${recs.a}`)).json.status).toBe('in-progress')
    // Partner B sees no draft of partner A's.
    expect(JSON.stringify((await call(partnerB, 'GET', `/recommendations/versions?where[parent][equals]=${recs.a}`)).json)).not.toContain(`Fictional progress ${stamp}`)
  })

  it('has no GraphQL endpoint to side-step field access', async () => {
    const response = await fetch(`${cms}/api/graphql`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query: '{ Reviews { docs { id } } }' }) })
    expect(response.status).toBe(404)
  })
})
