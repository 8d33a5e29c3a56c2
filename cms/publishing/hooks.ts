/**
 * Publishing → rebuild. Every collection the public site shows declares these hooks (through
 * publishesToSite, site-collections.ts); a change that touches what the public can see (a publish,
 * an unpublish, a delete, a public agenda item, the site settings) asks the process's one
 * SiteBuilder for a rebuild. Enabled by CSP_HUB_PUBLISH=on, which `npm start` sets for the CMS it
 * runs; otherwise (seeding, tests, `npm run cms`) no build.
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook, CollectionConfig, GlobalAfterChangeHook, Payload } from 'payload'
import { SiteBuilder } from './builder'
import { hasDrafts } from '../versions'
import { isLive, liveBefore, takeLiveBefore } from './live'
import { createBuildRunner, holdNextBuild } from './run-build'

const KEY = Symbol.for('csp-hub.site-builder')
type Holder = { [KEY]?: SiteBuilder | null }

/** The process-wide builder (Next may load this module once per route bundle: keep one). */
export function siteBuilder(payload: Payload): SiteBuilder | null {
  const holder = globalThis as Holder
  if (holder[KEY] === undefined) {
    const publishing = process.env.CSP_HUB_PUBLISH === 'on'
    holder[KEY] = publishing ? new SiteBuilder(createBuildRunner(payload), Number(process.env.SITE_REBUILD_DEBOUNCE_MS || 500)) : null
    // The first publish's build, loading while nobody waits.
    if (publishing) holdNextBuild()
  }
  return holder[KEY] ?? null
}

type Doc = Record<string, unknown> & { _status?: string; classification?: string }

/** Would the public site look different after this change? (Collections without drafts.) */
export function touchesPublicSite(collection: CollectionConfig, doc: Doc | undefined, previous: Doc | undefined): boolean {
  const visible = (d: Doc | undefined) => {
    if (!d) return false
    if (collection.slug === 'agenda-items') return d.classification === 'public'
    if (hasDrafts(collection)) return d._status === 'published'
    return true
  }
  return visible(doc) || visible(previous)
}

/**
 * Collections with drafts: what happened to the live version? A save that wrote only a draft
 * (every partner save, an editor's "Save draft") leaves the live document as it was: nothing for
 * the public changed, so no rebuild — a partner saving in a loop must not keep the builder busy.
 * `wasLive`/`isLiveNow` are the main document's state, which only a publish or an unpublish writes.
 */
export function liveChange(savedStatus: string | undefined, wasLive: boolean, isLiveNow: boolean): 'published' | 'unpublished' | null {
  if (savedStatus === 'published') return 'published'
  if (wasLive && !isLiveNow) return 'unpublished'
  return null
}

const describe = (collection: CollectionConfig, doc: Doc) =>
  `${collection.labels?.singular ?? collection.slug} “${String(doc.title ?? doc.name ?? doc.slug ?? doc.id)}”`

/** Notes whether the document was live before the change (see live.ts). */
export const noteLiveBefore: CollectionBeforeChangeHook = async ({ collection, data, operation, originalDoc, req }) => {
  if (hasDrafts(collection) && operation === 'update' && originalDoc?.id != null && siteBuilder(req.payload)) await liveBefore(collection.slug, originalDoc.id, req)
  return data
}

/** Asks for a rebuild when the change reached (or left) the public site. */
export const rebuildAfterChange: CollectionAfterChangeHook = async ({ collection, doc, previousDoc, req, operation }) => {
  const noted = takeLiveBefore(collection.slug, doc.id, req)
  const builder = siteBuilder(req.payload)
  if (!builder) return doc
  if (hasDrafts(collection)) {
    const before = operation === 'update' && noted
    const after = doc._status === 'published' || (before && (await isLive(collection.slug, doc.id, req)))
    const change = liveChange(doc._status, before, after)
    if (change) builder.request(`${describe(collection, doc)} ${change === 'unpublished' ? 'unpublished' : operation === 'create' ? 'published' : before ? 'updated' : 'published'}`)
  } else if (touchesPublicSite(collection, doc, operation === 'update' ? previousDoc : undefined)) {
    builder.request(`${describe(collection, doc)} ${operation === 'create' ? 'published' : 'updated'}`)
  }
  return doc
}

/** Asks for a rebuild when the public could see what was deleted. */
export const rebuildAfterDelete: CollectionAfterDeleteHook = ({ collection, doc, req }) => {
  if (touchesPublicSite(collection, doc, undefined)) siteBuilder(req.payload)?.request(`${describe(collection, doc)} deleted`)
  return doc
}

/** The site settings (every page shows them): any saved change rebuilds. */
export const settingsChanged: GlobalAfterChangeHook = ({ doc, req }) => {
  siteBuilder(req.payload)?.request('Site settings changed')
  return doc
}
