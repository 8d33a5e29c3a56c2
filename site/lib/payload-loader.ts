/**
 * An Astro content loader that reads one Payload collection through the Local API as an anonymous
 * visitor: overrideAccess false and no user, so the collection's own read access decides what the
 * site may show. Drafts and restricted items are never fetched, even if a page forgets a filter.
 * Each record is checked with the site's zod schema. A record that fails is left out of the site —
 * the safe direction: leaving it out publishes nothing unreviewed — and everything else is built
 * and goes live. The record is reported loudly: in the build output, and (written to the file named
 * by SITE_EXCLUSIONS_FILE, which the build reports to the CMS) in the CMS's build log and on the
 * admin dashboard until it is fixed. One bad record never blocks everyone else's changes.
 */
import { appendFileSync } from 'node:fs'
import type { Loader } from 'astro/loaders'
import type { CollectionSlug, JoinQuery, Where } from 'payload'
import type { z } from 'zod'
import { keepRead } from './build-reads'
import { changedReader, wholeRead, type ReadQuery } from './changed-reads'
import { cms } from './cms'

export { cms }

type Options = {
  collection: CollectionSlug
  schema: z.ZodType
  /** Relationship depth to populate (e.g. a service's organisation). */
  depth?: number
  where?: Where
  /**
   * The join fields to compute (Payload's `joins`); false for none. A join no page reads is left
   * out: a service's `translations` join cost 15-20% of the services read at 10,000 entries.
   */
  joins?: JoinQuery
  /** Order to read in (only matters to a page given the read, see `share`). */
  sort?: string[]
  /**
   * Keep what was read for a page of this build that needs the very same anonymous read
   * (site/lib/build-reads.ts), instead of it reading all of it again.
   */
  share?: boolean
  /**
   * In a process that loads again for every publish (the warm renderer), read in full only the
   * records that changed since the last load (site/lib/changed-reads.ts): for a large collection.
   * With SITE_WHOLE_READS=1 (the renderer's pass for the whole publish) it reads everything.
   */
  changesOnly?: boolean
  /** Field used as the entry id (default slug). */
  idField?: string
  /**
   * Texts of a record that must never appear in the built site (a refuge's stored address): written
   * to SITE_SECRETS_FILE for the output checks (site/checks.ts), a last lock if the others fail.
   */
  secrets?: (doc: Record<string, unknown>) => (string | SecretText)[] | Promise<(string | SecretText)[]>
  /**
   * A reason to leave a record out that its schema cannot see (a redaction term in a review's
   * text, site/lib/reviews.ts), in words an editor can act on; undefined keeps it.
   */
  screen?: (doc: Record<string, unknown>) => string | undefined | Promise<string | undefined>
}

/** A secret with how the output checks look for it (site/checks.ts `Secret`): a whole term, or (default) an address's telltale parts. */
export type SecretText = { text: string; kind?: 'address' | 'term'; within?: string[] }

export class RecordError extends Error {
  override name = 'RecordError'
}

/** A record the build left out, and why, in words an editor can act on. */
export type Exclusion = { collection: string; id: string; slug: string; title: string; problem: string }

/** A schema problem in words an editor can act on. */
export function explainIssue(issue: { path: PropertyKey[]; message: string }, doc: Record<string, unknown>): string {
  const field = issue.path.map(String).join('.') || '(record)'
  const value = issue.path.reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined), doc)
  // A relation the visitor cannot read comes back as a bare id instead of the record.
  if ((typeof value === 'number' || typeof value === 'string') && /expected object/.test(issue.message))
    return `its ${field} is not published (or no longer exists), so visitors cannot see it: publish it or choose another`
  if (value === null || value === undefined) return `its ${field} is missing: ${issue.message}`
  return `field ${field}: ${issue.message}`
}

function reportExclusion(exclusion: Exclusion, logger: { warn: (message: string) => void }) {
  logger.warn(`LEFT OUT: ${exclusion.collection} “${exclusion.title}” (id ${exclusion.id}): ${exclusion.problem}`)
  if (process.env.SITE_EXCLUSIONS_FILE) appendFileSync(process.env.SITE_EXCLUSIONS_FILE, JSON.stringify(exclusion) + '\n')
}

export function payloadLoader({ collection, schema, depth = 1, where, joins, sort, share, changesOnly, idField = 'slug', secrets, screen }: Options): Loader {
  const reader = changesOnly ? changedReader({ collection, depth, where, sort, joins: joins as ReadQuery['joins'] }) : null
  return {
    name: `payload:${collection}`,
    schema,
    load: async ({ store, generateDigest, logger }) => {
      const payload = await cms()
      // SITE_WHOLE_READS=1: the warm renderer's pass that must see every record as it is now.
      const changed = reader ? await reader(payload, { whole: process.env.SITE_WHOLE_READS === '1' }) : null
      const docs = changed ? changed.docs : (await payload.find(wholeRead({ collection, depth, where, sort, joins: joins as ReadQuery['joins'] }))).docs
      const seen = new Set<string>()
      const digests: (string | undefined)[] = []
      let parsed = 0
      let excluded = 0
      for (const [i, doc] of (docs as unknown as Record<string, unknown>[]).entries()) {
        const id = String(doc[idField] ?? doc.id)
        const title = String(doc.title ?? doc.name ?? doc.pseudonym ?? doc.slug ?? doc.id)
        if (secrets && process.env.SITE_SECRETS_FILE) {
          const owner = `${collection} “${title}” (id ${String(doc.id)})`
          for (const secret of await secrets(doc)) appendFileSync(process.env.SITE_SECRETS_FILE, JSON.stringify({ owner, ...(typeof secret === 'string' ? { text: secret } : secret) }) + '\n')
        }
        const refused = screen ? await screen(doc) : undefined
        if (refused) {
          // Never stored, whatever its digest: an earlier good version of it is removed below.
          reportExclusion({ collection, id: String(doc.id), slug: String(doc.slug ?? ''), title, problem: refused }, logger)
          excluded++
          continue
        }
        // The digest covers the whole record as read (populated relations included), so a renamed
        // organisation still refreshes the services that show its name.
        const digest = generateDigest(JSON.stringify(doc))
        digests[i] = digest
        // Unchanged since the last build: the stored entry stands, nothing to validate again.
        if (store.get(id)?.digest === digest) {
          seen.add(id)
          continue
        }
        const result = schema.safeParse(doc)
        if (!result.success) {
          // Not in `seen`: an earlier good version of it is removed from the store below.
          const issue = result.error.issues[0]!
          reportExclusion({ collection, id: String(doc.id), slug: String(doc.slug ?? ''), title, problem: explainIssue(issue, doc) }, logger)
          excluded++
          continue
        }
        seen.add(id)
        parsed++
        store.set({ id, data: result.data as Record<string, unknown>, digest })
      }
      if (share) keepRead(collection, { depth, where, sort, joins }, docs, digests)
      // Unpublished or deleted since the last build.
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id)
      const read = changed ? ` (${changed.whole ? `all read: ${changed.whole}` : `${changed.reread} read again`})` : ''
      logger.info(`${collection}: ${docs.length} published${read}, ${parsed} new or changed${excluded ? `, ${excluded} LEFT OUT` : ''}`)
    },
  }
}
