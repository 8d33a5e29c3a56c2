import { z } from 'zod'
import type { AgendaItem as CmsAgendaItem, Meeting as CmsMeeting } from '../../cms/payload-types'
import { date, optionalText, ref, richText, slug, type FieldsOf } from './common'

export const meetingSchema = z.object({
  id: z.union([z.number(), z.string()]),
  slug,
  title: z.string().min(1),
  partnership: ref,
  board: z.string().min(1),
  date,
  venue: optionalText,
} satisfies FieldsOf<CmsMeeting>)
export type Meeting = z.infer<typeof meetingSchema>

/**
 * An agenda item as the public may see it. The literal "public" is a second lock: if access
 * control ever let a restricted item through, the build would stop rather than publish it.
 */
export const agendaItemSchema = z.object({
  id: z.union([z.number(), z.string()]),
  meeting: ref,
  number: z.string(),
  position: z.number(),
  title: z.string().min(1),
  presenter: optionalText,
  classification: z.literal('public', { message: 'only public agenda items may be published' }),
  summary: optionalText,
  paper: richText,
} satisfies FieldsOf<CmsAgendaItem>)
export type AgendaItem = z.infer<typeof agendaItemSchema>
