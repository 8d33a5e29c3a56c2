/**
 * Payload's live preview beside the edit form, for every collection the public site shows: the
 * frame loads /preview/<collection>/<id> on the CMS's own origin (scripts/lib/preview/server.ts), which
 * reloads itself after each save or autosave (site-preview/components/live-preview.ts).
 */
import type { Config } from 'payload'
import { PREVIEW_COLLECTIONS } from './collections'

type LivePreview = NonNullable<NonNullable<Config['admin']>['livePreview']>

export const livePreview: LivePreview = {
  collections: [...PREVIEW_COLLECTIONS],
  breakpoints: [
    { name: 'phone', label: 'Phone', width: 375, height: 667 },
    { name: 'desktop', label: 'Desktop', width: 1280, height: 800 },
  ],
  // Absolute: Payload only listens to the frame's messages from the origin this address starts with.
  url: ({ data, collectionConfig, req }) => (data?.id && collectionConfig ? `${req.payload.config.serverURL}/preview/${collectionConfig.slug}/${data.id}` : ''),
}
