import type { CollectionConfig } from 'payload'

/**
 * Drafts, versions and scheduled publishing, the same for every editorial collection. Payload
 * keeps the history and runs scheduled publishes through its jobs queue.
 */
export const editorialVersions: CollectionConfig['versions'] = {
  drafts: { autosave: false, schedulePublish: true, validate: false },
  maxPerDoc: 50,
}
