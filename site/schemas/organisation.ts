import { z } from 'zod'
import { keys, organisationTypes } from '../../cms/taxonomy'
import type { Organisation as CmsOrganisation } from '../../cms/payload-types'
import { optionalText, slug, type FieldsOf } from './common'

/** An organisation as the public site shows it. */
export const organisationSchema = z.object({
  id: z.union([z.number(), z.string()]),
  slug,
  name: z.string().min(1),
  type: z.enum(keys(organisationTypes)),
  website: optionalText,
  description: optionalText,
} satisfies FieldsOf<CmsOrganisation>)
export type Organisation = z.infer<typeof organisationSchema>
