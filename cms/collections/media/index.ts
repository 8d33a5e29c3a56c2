import path from 'node:path'
import type { CollectionConfig } from 'payload'
import { hiddenFromPartners, staff } from '../../access'
import { mediaRead } from './access'
import { projectRoot } from '../../paths'
import { publishesToSite } from '../../publishing/site-collections'

/** Upload types people may add. SVG is refused: it can carry script. */
export const MEDIA_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'application/pdf']
export const MEDIA_MAX_BYTES = 20 * 1024 * 1024

/**
 * Uploaded files live beside the database in .data/ (git-ignored), never in the repository;
 * MEDIA_DIR moves them (tests use a temporary folder). Backups copy them: see docs/backups.md.
 */
export const mediaDir = () => path.resolve(process.env.MEDIA_DIR || path.join(projectRoot, '.data', 'media'))

export const Media: CollectionConfig = {
  slug: 'media',
  admin: { hidden: hiddenFromPartners, group: 'Content' },
  access: { read: mediaRead, create: staff, update: staff, delete: staff },
  hooks: publishesToSite(),
  upload: {
    staticDir: mediaDir(),
    mimeTypes: MEDIA_MIME_TYPES,
    // Made by sharp on upload, for the admin (its list shows `thumbnail`). The public site uses
    // none of them: it encodes its own AVIF and WebP widths from the original (site/lib/media.ts).
    imageSizes: [
      { name: 'thumbnail', width: 320, height: 240, formatOptions: { format: 'webp', options: { quality: 75 } } },
      { name: 'card', width: 640, formatOptions: { format: 'webp', options: { quality: 75 } } },
      { name: 'hero', width: 1280, formatOptions: { format: 'avif', options: { quality: 55 } } },
    ],
    adminThumbnail: 'thumbnail',
    focalPoint: true,
  },
  fields: [
    {
      name: 'alt',
      label: 'Alternative text',
      type: 'text',
      required: true,
      admin: { description: 'What the image shows, for people who cannot see it. For a PDF, its title.' },
    },
    { name: 'credit', type: 'text', admin: { description: 'Who made or owns the image.' } },
  ],
}

