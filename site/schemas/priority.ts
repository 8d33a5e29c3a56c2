import { z } from 'zod'
import { date, optionalText, ref, richText, slug } from './common'

const nullableNumber = z.number().nullish().transform((v) => v ?? undefined)

/** A measure of success: which way it should move, and where known its baseline, target and readings. */
export const measureSchema = z.object({
  direction: z.enum(['increase', 'reduce']),
  description: z.string().min(1),
  baseline: z
    .object({ value: nullableNumber, unit: optionalText, date: date.nullish(), source: optionalText })
    .nullish()
    .transform((b) => (b && b.value !== undefined ? b : undefined)),
  target: z
    .object({ value: nullableNumber, date: date.nullish() })
    .nullish()
    .transform((t) => (t && t.value !== undefined ? t : undefined)),
  readings: z.array(z.object({ date, value: z.number() })).nullish().transform((r) => r ?? []),
})
export type Measure = z.infer<typeof measureSchema>

export const prioritySchema = z.object({
  id: z.union([z.number(), z.string()]),
  slug,
  title: z.string().min(1),
  strategy: ref,
  order: z.number().int(),
  goal: z.string().min(1),
  approach: richText,
  outcomes: richText,
  measures: z.array(measureSchema).nullish().transform((m) => m ?? []),
})
export type Priority = z.infer<typeof prioritySchema>
