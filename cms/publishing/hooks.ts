/**
 * Publishing → rebuild. Every collection the public site shows gets these hooks; a change that
 * touches what the public can see (a publish, an unpublish, a delete, a public agenda item, the
 * site settings) asks the process's one SiteBuilder for a rebuild. Enabled by CSP_HUB_PUBLISH=on,
 * which `npm start` sets for the CMS it runs; otherwise (seeding, tests, `npm run cms`) no build.
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionConfig, GlobalAfterChangeHook, Payload } from 'payload'
import { SiteBuilder } from './builder'
import { createBuildRunner } from './run-build'

const KEY = Symbol.for('csp-hub.site-builder')
type Holder = { [KEY]?: SiteBuilder | null }

/** The process-wide builder (Next may load this module once per route bundle: keep one). */
export function siteBuilder(payload: Payload): SiteBuilder | null {
  const holder = globalThis as Holder
  if (holder[KEY] === undefined) {
    holder[KEY] =
      process.env.CSP_HUB_PUBLISH === 'on'
        ? new SiteBuilder(createBuildRunner(payload), Number(process.env.SITE_REBUILD_DEBOUNCE_MS || 1500))
        : null
  }
  return holder[KEY] ?? null
}

type Doc = Record<string, unknown> & { _status?: string; classification?: string }

/** Would the public site look different after this change? */
export function touchesPublicSite(collection: CollectionConfig, doc: Doc | undefined, previous: Doc | undefined): boolean {
  const visible = (d: Doc | undefined) => {
    if (!d) return false
    if (collection.slug === 'agenda-items') return d.classification === 'public'
    if (collection.versions && typeof collection.versions === 'object' && collection.versions.drafts) return d._status === 'published'
    return true
  }
  return visible(doc) || visible(previous)
}

const describe = (collection: CollectionConfig, doc: Doc) =>
  `${collection.labels?.singular ?? collection.slug} “${String(doc.title ?? doc.name ?? doc.slug ?? doc.id)}”`

const afterChange: CollectionAfterChangeHook = ({ collection, doc, previousDoc, req, operation }) => {
  if (touchesPublicSite(collection, doc, operation === 'update' ? previousDoc : undefined)) {
    const verb = doc._status === 'draft' && previousDoc?._status === 'published' ? 'unpublished' : operation === 'create' ? 'published' : 'updated'
    siteBuilder(req.payload)?.request(`${describe(collection, doc)} ${verb}`)
  }
  return doc
}

const afterDelete: CollectionAfterDeleteHook = ({ collection, doc, req }) => {
  if (touchesPublicSite(collection, doc, undefined)) siteBuilder(req.payload)?.request(`${describe(collection, doc)} deleted`)
  return doc
}

export const settingsChanged: GlobalAfterChangeHook = ({ doc, req }) => {
  siteBuilder(req.payload)?.request('Site settings changed')
  return doc
}

/** Adds the rebuild hooks to a collection the public site is built from. */
export function publishesToSite(collection: CollectionConfig): CollectionConfig {
  return {
    ...collection,
    hooks: {
      ...collection.hooks,
      afterChange: [...(collection.hooks?.afterChange ?? []), afterChange],
      afterDelete: [...(collection.hooks?.afterDelete ?? []), afterDelete],
    },
  }
}
