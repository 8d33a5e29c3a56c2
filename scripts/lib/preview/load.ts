/**
 * A preview's data: one document's saved draft, with what its page shows around it, loaded through
 * the Local API and parsed by the site's own schemas (site/schemas) into the props of the site's own
 * page component (site/components/pages/). The draft is read as the visitor (overrideAccess false,
 * their user), or — for a shared link — as the link allows; everything around it (a strategy's other
 * priorities, a service's organisation, the site settings) is read as the static build reads it: as
 * an anonymous visitor, published only. Restricted agenda items are never loaded for any preview.
 */
import type { CollectionSlug, Payload, TypedUser } from 'payload'
import type { z } from 'zod'
import {
  agendaItemSchema,
  meetingSchema,
  newsSchema,
  newsTranslationSchema,
  languageSchema,
  organisationSchema,
  partnershipSchema,
  prioritySchema,
  priorityTranslationSchema,
  serviceSchema,
  siteSettingsSchema,
  strategySchema,
  strategyTranslationSchema,
  reviewSchema,
  type Organisation,
  type SiteLanguage,
  type SiteSettings,
} from '../../../site/schemas'
import { explainIssue } from '../../../site/lib/payload-loader'
import { agendaOrder, newestFirst, prioritiesOrder, strategiesOrder } from '../../../site/lib/order'
import { siteImage, type SiteImage } from '../../../site/lib/media'
import type { PreviewLocals, PreviewPage } from '../../../site-preview/preview-page'
import { learningFor, redactionTermsOf, refOnly, reviewPageData, reviewRedactionReasons } from './reviews'
import { relationId } from '../../../cms/fields/relation'
import { LANGUAGES } from '../../../cms/languages/strings'

export { PREVIEW_COLLECTIONS, isPreviewCollection, type PreviewCollection } from '../../../cms/preview/collections'
import type { PreviewCollection } from '../../../cms/preview/collections'

/** Who is looking: a signed-in user (their access decides), or a shared link (the link decides). */
export type Viewer = { user: TypedUser } | { sharedLink: true }

export type PreviewResult =
  /** `images`: every picture the page shows, which its media route (scripts/lib/preview/server.ts) may serve. */
  | { status: 'ok'; locals: PreviewLocals; images: SiteImage[] }
  | { status: 'not-found' }
  | { status: 'invalid'; title: string; reasons: string[] }

class Invalid extends Error {
  constructor(
    readonly title: string,
    readonly reasons: string[],
  ) {
    super(reasons.join('; '))
  }
}

type Doc = Record<string, unknown>

function parse<S extends z.ZodType>(schema: S, doc: Doc, what: string): z.infer<S> {
  const result = schema.safeParse(doc)
  if (result.success) return result.data
  throw new Invalid(what, result.error.issues.map((issue) => explainIssue(issue, doc)))
}

/** Published records, as the static build reads them: anonymous, drafts never. Ones that fail the schema are left out, as the build does. */
async function published<S extends z.ZodType>(payload: Payload, collection: CollectionSlug, schema: S, where?: Doc, depth = 1): Promise<z.infer<S>[]> {
  const { docs } = await payload.find({ collection, where: where as never, depth, pagination: false, overrideAccess: false, draft: false })
  return (docs as unknown as Doc[]).flatMap((doc) => {
    const result = schema.safeParse(doc)
    return result.success ? [result.data] : []
  })
}

/**
 * May this viewer see this document's drafts? Staff: always; a partner: their own organisation's
 * entries and profile — exactly the collection's `readVersions` access, which is what the admin
 * uses to show drafts. A shared link was created by staff for this document.
 */
async function mayReadDraft(payload: Payload, collection: PreviewCollection, id: string, viewer: Viewer): Promise<boolean> {
  if ('sharedLink' in viewer) return true
  // No drafts in this collection (partnerships): the saved record is what will be public; the
  // viewer may preview what they may read.
  if (!payload.collections[collection]?.config.versions?.drafts)
    return Boolean(await payload.findByID({ collection, id, depth: 0, overrideAccess: false, user: viewer.user }).catch(() => null))
  const found = await payload
    .findVersions({ collection, where: { parent: { equals: id } }, limit: 1, overrideAccess: false, user: viewer.user, depth: 0 })
    .catch(() => null) // Forbidden: a partner asking for the comms team's drafts
  if (!found) return false
  if (found.totalDocs > 0) return true
  // None the viewer may read. That is "no draft to hide" only if the record has no version rows at
  // all (written before drafts were switched on): then what the viewer may read of it is all there
  // is. A partner's readVersions is a query (their own organisation's), so for another
  // organisation's entry it finds nothing although rows exist — and that must stay a 404.
  const rows = await payload.findVersions({ collection, where: { parent: { equals: id } }, limit: 1, depth: 0, overrideAccess: true })
  if (rows.totalDocs > 0) return false
  return Boolean(await payload.findByID({ collection, id, depth: 0, overrideAccess: false, user: viewer.user }).catch(() => null))
}

/**
 * `mediaBase`: where this preview's pictures are served — a route under the page's own address, so
 * whoever may see the page may see its pictures, and nobody else (scripts/lib/preview/server.ts).
 */
export async function loadPreview(payload: Payload, collection: PreviewCollection, id: string, viewer: Viewer, mediaBase: string): Promise<PreviewResult> {
  if (!/^\d+$|^[0-9a-f]{24}$/.test(id)) return { status: 'not-found' }
  if (!(await mayReadDraft(payload, collection, id, viewer))) return { status: 'not-found' }
  const asViewer = 'user' in viewer ? { overrideAccess: false, user: viewer.user } : { overrideAccess: true }
  const doc = (await payload
    .findByID({ collection, id, draft: true, depth: collection === 'organisations' ? 0 : 1, ...asViewer })
    .catch(() => null)) as Doc | null
  if (!doc) return { status: 'not-found' }
  const title = String(doc.title ?? doc.name ?? doc.slug ?? id)
  try {
    const settings = siteSettingsSchema.parse(await payload.findGlobal({ slug: 'site-settings', overrideAccess: false }))
    const { page, publicPath, shownOn } = await pageFor(payload, collection, doc, settings, title)
    const images: SiteImage[] = []
    if (page.kind === 'news' && page.props.image) images.push((page.props.image = { ...page.props.image, base: mediaBase }))
    return { status: 'ok', locals: { page, publicPath, shownOn, version: String(doc.updatedAt ?? '') }, images }
  } catch (error) {
    if (error instanceof Invalid) return { status: 'invalid', title: error.title, reasons: error.reasons }
    throw error
  }
}

async function pageFor(payload: Payload, collection: PreviewCollection, doc: Doc, settings: SiteSettings, title: string): Promise<{ page: PreviewPage; publicPath: string; shownOn?: string[] }> {
  const what = `${collection} “${title}”`
  switch (collection) {
    case 'strategies': {
      const s = parse(strategySchema, doc, what)
      const priorities = (await published(payload, 'priorities', prioritySchema, { strategy: { equals: s.id } })).sort(prioritiesOrder)
      return { page: { kind: 'strategy', props: { s, priorities, settings } }, publicPath: `/strategies/${s.slug}/` }
    }
    case 'priorities': {
      const p = parse(prioritySchema, doc, what)
      const [s] = await published(payload, 'strategies', strategySchema, { id: { equals: p.strategy.id } })
      if (!s) throw new Invalid(what, [`its strategy is not published (or no longer exists), so visitors cannot see it: publish it or choose another`])
      const others = (await published(payload, 'priorities', prioritySchema, { strategy: { equals: s.id } })).filter((x) => x.id !== p.id)
      const priorities = [...others, p].sort(prioritiesOrder)
      // The review learning it answers, as the published page lists it (issue 21).
      const learning = await learningFor(payload, p.id)
      return { page: { kind: 'priority', props: { s, p, priorities, settings, learning } }, publicPath: `/strategies/${s.slug}/${p.slug}/` }
    }
    case 'services': {
      const service = parse(serviceSchema, doc, what)
      const [organisation] = service.organisation ? await published(payload, 'organisations', organisationSchema, { slug: { equals: service.organisation.slug } }, 0) : []
      return { page: { kind: 'service', props: { service, organisation, now: new Date(), settings } }, publicPath: `/services/${service.slug}/` }
    }
    case 'organisations': {
      // An organisation has no page of its own: it shows on the pages of the entries it runs and
      // the partnerships it belongs to. The banner lists them all; the first shows the draft.
      const organisation = parse(organisationSchema, doc, what)
      const services = await published(payload, 'services', serviceSchema, { organisation: { equals: organisation.id } })
      const partnerships = await published(payload, 'partnerships', partnershipSchema, { 'members.organisation': { equals: organisation.id } })
      const shownOn = [...services.map((s) => `/services/${s.slug}/`), ...partnerships.map((p) => `/partnerships/${p.slug}/`)]
      const [service] = services
      if (service) return { page: { kind: 'service', props: { service, organisation, now: new Date(), settings } }, publicPath: shownOn[0]!, shownOn }
      const [partnership] = partnerships
      if (partnership) return { ...(await partnershipPage(payload, partnership, settings, organisation)), shownOn }
      throw new Invalid(what, ['it appears on no public page yet: no published directory entry or partnership names it'])
    }
    case 'partnerships':
      return partnershipPage(payload, parse(partnershipSchema, doc, what), settings)
    case 'news': {
      const n = parse(newsSchema, doc, what)
      const image = n.image ? await siteImage(n.image, `news "${n.slug}"`).catch((error: Error) => { throw new Invalid(what, [error.message]) }) : null
      return { page: { kind: 'news', props: { n, image, settings } }, publicPath: `/news/${n.slug}/` }
    }
    case 'reviews': {
      // Staff only (the collection's readVersions), or a link staff shared. The redaction guard
      // first, on the draft as saved: a draft holding a term previews only why, never its text.
      const terms = (await redactionTermsOf(payload, [doc.id as number | string])).get(String(doc.id)) ?? []
      const held = reviewRedactionReasons(doc, terms)
      if (held.length) throw new Invalid(`review “${String(doc.pseudonym ?? doc.slug)}”`, held)
      const { publicationChecks: _checks, redactionTerms: _terms, ...shown } = doc
      const review = parse(reviewSchema, { ...shown, partnership: refOnly(doc.partnership, 'name') }, `review “${String(doc.pseudonym ?? doc.slug)}”`)
      const around = await reviewPageData(payload, review)
      return { page: { kind: 'review', props: { review, ...around, settings, now: new Date() } }, publicPath: `/reviews/${review.slug}/` }
    }
    case 'news-translations':
    case 'strategy-translations':
    case 'priority-translations':
      return translationPage(payload, collection, doc, settings, what)
    case 'meetings': {
      const m = parse(meetingSchema, doc, what)
      // Public items only, whoever is looking: the query asks for them, and the site's schema accepts nothing else.
      const { docs } = await payload.find({ collection: 'agenda-items', where: { meeting: { equals: m.id }, classification: { equals: 'public' } }, depth: 1, pagination: false, overrideAccess: true })
      const items = (docs as unknown as Doc[]).map((item) => parse(agendaItemSchema, { ...item, meeting: doc }, `${what}, agenda item ${String(item.number ?? item.id)}`)).sort(agendaOrder)
      return { page: { kind: 'meeting', props: { m, items, settings } }, publicPath: `/meetings/${m.slug}/` }
    }
  }
}

/** One published record as the build reads it (anonymous, depth 1), unparsed; null when it is not on the site. */
async function publishedDoc(payload: Payload, collection: CollectionSlug, id: unknown): Promise<Doc | null> {
  if (id == null) return null
  const { docs } = await payload.find({ collection, where: { id: { equals: id } }, depth: 1, limit: 1, overrideAccess: false, draft: false })
  return (docs[0] as unknown as Doc | undefined) ?? null
}

/**
 * A translation's language as its page shows it (issue 20, phase B): its interface strings from the
 * CMS, read as the build reads them. A language the site does not offer, or whose strings are
 * incomplete, has no pages: the preview says so rather than showing a page that will not exist.
 */
async function translationLanguage(payload: Payload, code: unknown, settings: SiteSettings, what: string): Promise<SiteLanguage> {
  const name = LANGUAGES.find((l) => l.code === code)?.endonym ?? String(code)
  if (!(settings.languages as string[]).includes(String(code)))
    throw new Invalid(what, [`the site does not offer ${name} (${String(code)}) yet, so this translation would have no page: an admin switches it on in Site settings`])
  const { docs } = await payload.find({ collection: 'languages', where: { code: { equals: code } }, limit: 1, depth: 0, overrideAccess: false })
  const parsed = languageSchema.safeParse(docs[0])
  if (!parsed.success) throw new Invalid(what, [`${name}'s interface strings are incomplete, so the site leaves the language out: complete them in Website → Languages`])
  return parsed.data
}

/** The live languages of the published translations of one English document, with the previewed one: the switcher and hreflang name them. */
async function publishedLanguages(payload: Payload, collection: 'news-translations' | 'strategy-translations' | 'priority-translations', where: Doc, settings: SiteSettings, previewed: string): Promise<string[]> {
  const { docs } = await payload.find({ collection, where: where as never, depth: 0, pagination: false, overrideAccess: false, draft: false })
  const live = new Set<string>(settings.languages)
  return [...new Set([...(docs as unknown as Doc[]).map((d) => String(d.language)).filter((code) => live.has(code)), previewed])]
}

/** A translation's page (issue 20, phase B): its draft, its language's strings, and the published English document around it. */
async function translationPage(payload: Payload, collection: 'news-translations' | 'strategy-translations' | 'priority-translations', doc: Doc, settings: SiteSettings, what: string): Promise<{ page: PreviewPage; publicPath: string }> {
  const language = await translationLanguage(payload, doc.language, settings, what)
  const code = language.code
  switch (collection) {
    case 'news-translations': {
      const story = await publishedDoc(payload, 'news', relationId(doc.story as never))
      if (!story) throw new Invalid(what, ['its English story is not published (or no longer exists), so visitors cannot see it: publish the story first'])
      const t = parse(newsTranslationSchema, { ...doc, story }, what)
      const translated = await publishedLanguages(payload, collection, { story: { equals: story.id } }, settings, code)
      return { page: { kind: 'news-translation', props: { language, t, translated, settings } }, publicPath: `/${code}/news/${t.story.slug}/` }
    }
    case 'strategy-translations': {
      const strategy = await publishedDoc(payload, 'strategies', relationId(doc.strategy as never))
      if (!strategy) throw new Invalid(what, ['its English strategy is not published (or no longer exists), so visitors cannot see it: publish the strategy first'])
      const s = parse(strategySchema, strategy, what)
      const t = parse(strategyTranslationSchema, { ...doc, strategy }, what)
      const priorities = (await published(payload, 'priorities', prioritySchema, { strategy: { equals: s.id } })).sort(prioritiesOrder)
      const local = priorities.length
        ? await published(payload, 'priority-translations', priorityTranslationSchema, { language: { equals: code }, priority: { in: priorities.map((p) => p.id) } })
        : []
      const translated = await publishedLanguages(payload, collection, { strategy: { equals: s.id } }, settings, code)
      const props = { language, t, s, priorities: priorities.map((p) => ({ p, local: local.find((x) => String(x.priority.id) === String(p.id)) })), translated, settings }
      return { page: { kind: 'strategy-translation', props }, publicPath: `/${code}/strategies/${s.slug}/` }
    }
    case 'priority-translations': {
      const priority = await publishedDoc(payload, 'priorities', relationId(doc.priority as never))
      if (!priority) throw new Invalid(what, ['its English priority is not published (or no longer exists), so visitors cannot see it: publish the priority first'])
      const p = parse(prioritySchema, priority, what)
      const [st] = await published(payload, 'strategy-translations', strategyTranslationSchema, { strategy: { equals: p.strategy.id }, language: { equals: code } })
      if (!st) throw new Invalid(what, [`its strategy has no published translation in this language, and the page sits under it: publish the strategy's translation first`])
      const t = parse(priorityTranslationSchema, { ...doc, priority }, what)
      // Its languages: those with both the priority's and the strategy's translations published.
      const withStrategy = await publishedLanguages(payload, 'strategy-translations', { strategy: { equals: p.strategy.id } }, settings, code)
      const translated = (await publishedLanguages(payload, collection, { priority: { equals: p.id } }, settings, code)).filter((c) => withStrategy.includes(c))
      return { page: { kind: 'priority-translation', props: { language, t, st, p, translated, settings } }, publicPath: `/${code}/strategies/${st.strategy.slug}/${p.slug}/` }
    }
  }
}

async function partnershipPage(payload: Payload, p: z.infer<typeof partnershipSchema>, settings: SiteSettings, draftOrganisation?: Organisation): Promise<{ page: PreviewPage; publicPath: string }> {
  const organisations = new Map((await published(payload, 'organisations', organisationSchema, undefined, 0)).map((o) => [o.slug, o]))
  if (draftOrganisation) organisations.set(draftOrganisation.slug, draftOrganisation)
  const strategies = (await published(payload, 'strategies', strategySchema, { partnership: { equals: p.id } })).sort(strategiesOrder)
  const news = (await published(payload, 'news', newsSchema, { partnerships: { in: [p.id] } })).sort(newestFirst)
  const meetings = (await published(payload, 'meetings', meetingSchema, { partnership: { equals: p.id } })).sort(newestFirst)
  return { page: { kind: 'partnership', props: { p, organisations, strategies, news, meetings, settings } }, publicPath: `/partnerships/${p.slug}/` }
}
