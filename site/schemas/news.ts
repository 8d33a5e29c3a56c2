import { z } from 'zod'
import { date, ref, richText, slug } from './common'

export const newsSchema = z.object({
  id: z.union([z.number(), z.string()]),
  slug,
  title: z.string().min(1),
  date,
  summary: z.string().min(1),
  partnerships: z.array(ref).nullish().transform((v) => v ?? []),
  image: z
    .looseObject({ url: z.string(), alt: z.string().min(1), width: z.number().nullish(), height: z.number().nullish() })
    .nullish(),
  body: richText,
  tags: z.array(z.string()).nullish().transform((v) => v ?? []),
})
export type NewsStory = z.infer<typeof newsSchema>
