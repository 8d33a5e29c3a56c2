import { z } from 'zod'

export const siteSettingsSchema = z.object({
  siteName: z.string().min(1),
  quickExitUrl: z.url({ protocol: /^https$/ }),
  emergencyMessage: z.string().min(1),
  contact: z
    .object({ email: z.string().nullish(), url: z.string().nullish() })
    .nullish()
    .transform((c) => ({ email: c?.email || undefined, url: c?.url || undefined })),
  alert: z.object({ enabled: z.boolean().nullish(), message: z.string().nullish() }).nullish(),
})
export type SiteSettings = z.infer<typeof siteSettingsSchema>
