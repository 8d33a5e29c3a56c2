import { z } from 'zod'
import type { SiteSetting } from '../../cms/payload-types'
import { isSecureWebAddress } from '../../cms/rules'
import type { FieldsOf } from './common'
import { OPTIONAL_LANGUAGES } from '../../cms/languages/strings'

export const siteSettingsSchema = z.object({
  siteName: z.string().min(1),
  quickExitUrl: z.string().refine(isSecureWebAddress, 'must be a web address starting https://'),
  emergencyMessage: z.string().min(1),
  contact: z
    .object({ email: z.string().nullish(), url: z.string().nullish() } satisfies FieldsOf<SiteSetting['contact']>)
    .nullish()
    .transform((c) => ({ email: c?.email || undefined, url: c?.url || undefined })),
  /** Domestic homicide reviews: the publication window and how to ask for a review no longer shown. */
  reviews: z
    .object({ publicationWindowMonths: z.number().int().positive().nullish(), howToRequest: z.string().nullish() } satisfies FieldsOf<SiteSetting['reviews']>)
    .nullish()
    .transform((r) => ({ publicationWindowMonths: r?.publicationWindowMonths || 12, howToRequest: r?.howToRequest?.trim() || undefined })),
  /** The languages an admin has switched on besides English (issue 20). */
  languages: z
    .array(z.enum(OPTIONAL_LANGUAGES as [string, ...string[]]))
    .nullish()
    .transform((l) => l ?? []),
  alert: z.object({ enabled: z.boolean().nullish(), message: z.string().nullish() } satisfies FieldsOf<SiteSetting['alert']>).nullish(),
} satisfies FieldsOf<SiteSetting>)
export type SiteSettings = z.infer<typeof siteSettingsSchema>
