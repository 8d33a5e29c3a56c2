import { z } from 'zod'
import type { Priority as CmsPriority } from '../../cms/payload-types'
import { date, optionalText, ref, richText, slug, type FieldsOf, type Row } from './common'

type CmsMeasure = Row<CmsPriority['measures']>

const nullableNumber = z.number().nullish().transform((v) => v ?? undefined)

/** A measure of success: which way it should move, and where known its baseline, target and readings. */
export const measureSchema = z.object({
  direction: z.enum(['increase', 'reduce']),
  description: z.string().min(1),
  baseline: z
    .object({ value: nullableNumber, unit: optionalText, date: date.nullish(), source: optionalText } satisfies FieldsOf<CmsMeasure['baseline']>)
    .nullish()
    .transform((b) => (b && b.value !== undefined ? b : undefined)),
  target: z
    .object({ value: nullableNumber, date: date.nullish() } satisfies FieldsOf<CmsMeasure['target']>)
    .nullish()
    .transform((t) => (t && t.value !== undefined ? t : undefined)),
  readings: z.array(z.object({ date, value: z.number() } satisfies FieldsOf<CmsMeasure['readings']>)).nullish().transform((r) => r ?? []),
} satisfies FieldsOf<CmsMeasure>)
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
} satisfies FieldsOf<CmsPriority>)
export type Priority = z.infer<typeof prioritySchema>
