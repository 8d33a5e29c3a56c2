/**
 * Every collection whose documents the public site shows, and so can be previewed. The one part of
 * the preview the admin bundle needs (live preview, the shared-links collection); the server side
 * — loading a draft, serving /preview/ — is in scripts/lib/preview/, outside cms/, so changing it
 * does not rebuild the admin (scripts/lib/admin-build.ts hashes cms/).
 */
export const PREVIEW_COLLECTIONS = [
  'strategies',
  'priorities',
  'services',
  'organisations',
  'partnerships',
  'news',
  'meetings',
  'reviews',
  // Issue 20, phase B: a translation previews as its /<language>/… page.
  'news-translations',
  'strategy-translations',
  'priority-translations',
] as const
export type PreviewCollection = (typeof PREVIEW_COLLECTIONS)[number]
export const isPreviewCollection = (slug: string): slug is PreviewCollection => (PREVIEW_COLLECTIONS as readonly string[]).includes(slug)
