/**
 * An Astro content loader that reads one Payload collection through the Local API as an anonymous
 * visitor: overrideAccess false and no user, so the collection's own read access decides what the
 * site may show. Drafts and restricted items are never fetched, even if a page forgets a filter.
 * Each record is checked with the site's zod schema; a record that fails stops the build with a
 * message naming the collection, the document and the field.
 */
import type { Loader } from 'astro/loaders'
import type { CollectionSlug, Where } from 'payload'
import type { z } from 'zod'


type Options = {
  collection: CollectionSlug
  schema: z.ZodType
  /** Relationship depth to populate (e.g. a service's organisation). */
  depth?: number
  where?: Where
  /** Field used as the entry id (default slug). */
  idField?: string
}

export class RecordError extends Error {
  override name = 'RecordError'
}

export async function cms() {
  const [{ getPayload }, { default: config }] = await Promise.all([import('payload'), import('../../cms/payload.config')])
  return getPayload({ config })
}

export function payloadLoader({ collection, schema, depth = 1, where, idField = 'slug' }: Options): Loader {
  return {
    name: `payload:${collection}`,
    schema,
    load: async ({ store, generateDigest, logger }) => {
      const payload = await cms()
      const { docs } = await payload.find({ collection, where, depth, pagination: false, overrideAccess: false, draft: false })
      const seen = new Set<string>()
      for (const doc of docs as unknown as Record<string, unknown>[]) {
        const id = String(doc[idField] ?? doc.id)
        const result = schema.safeParse(doc)
        if (!result.success) {
          const issue = result.error.issues[0]!
          throw new RecordError(
            `${collection} "${id}" (id ${String(doc.id)}) cannot be published: field ${issue.path.join('.') || '(record)'} ${issue.message}. ` +
              'Fix it in the CMS; the last good site stays live.',
          )
        }
        seen.add(id)
        const digest = generateDigest(String(doc.updatedAt ?? JSON.stringify(doc)))
        // Unchanged records keep their stored entry: nothing to parse or render again.
        if (store.get(id)?.digest === digest) continue
        store.set({ id, data: result.data as Record<string, unknown>, digest })
      }
      // Unpublished or deleted since the last build.
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id)
      logger.info(`${collection}: ${docs.length} published`)
    },
  }
}
