import { z } from 'zod'
import type { Media, News } from '../../cms/payload-types'
import { date, ref, richText, slug, type FieldsOf } from './common'

export const newsSchema = z.object({
  id: z.union([z.number(), z.string()]),
  slug,
  title: z.string().min(1),
  date,
  summary: z.string().min(1),
  partnerships: z.array(ref).nullish().transform((v) => v ?? []),
  // The media record: the site reads the original by filename from MEDIA_DIR and makes its own
  // AVIF/WebP variants (lib/media.ts); the CMS's url is never put on a page.
  image: z
    .looseObject({
      filename: z.string().min(1),
      mimeType: z.string().regex(/^image\//, 'must be an image (a PDF cannot be a story\'s picture)'),
      alt: z.string().min(1),
    } satisfies FieldsOf<Media>)
    .nullish(),
  body: richText,
  tags: z.array(z.string()).nullish().transform((v) => v ?? []),
} satisfies FieldsOf<News>)
export type NewsStory = z.infer<typeof newsSchema>
