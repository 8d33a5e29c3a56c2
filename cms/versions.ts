import type { CollectionConfig } from 'payload'

/**
 * Drafts, versions and scheduled publishing, the same for every editorial collection. Payload
 * keeps the history and runs scheduled publishes through its jobs queue.
 */
export const editorialVersions: CollectionConfig['versions'] = {
  drafts: { autosave: false, schedulePublish: true, validate: false },
  maxPerDoc: 50,
}

/** Does this collection keep drafts (so a save may leave its live document as it was)? */
export const hasDrafts = (collection: Pick<CollectionConfig, 'versions'> | null | undefined): boolean =>
  Boolean(collection?.versions && typeof collection.versions === 'object' && collection.versions.drafts)
