import { z } from 'zod'
import { keys, organisationTypes } from '../../cms/taxonomy'
import { optionalText, slug } from './common'

/** An organisation as the public site shows it. */
export const organisationSchema = z.object({
  id: z.union([z.number(), z.string()]),
  slug,
  name: z.string().min(1),
  type: z.enum(keys(organisationTypes)),
  website: optionalText,
  description: optionalText,
})
export type Organisation = z.infer<typeof organisationSchema>
