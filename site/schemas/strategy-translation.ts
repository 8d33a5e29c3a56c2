import { z } from 'zod'
import type { PriorityTranslation, StrategyTranslation } from '../../cms/payload-types'
import { OPTIONAL_LANGUAGES } from '../../cms/languages/strings'
import { date, optionalText, richText, slug, type FieldsOf } from './common'

const language = z.enum(OPTIONAL_LANGUAGES as [string, ...string[]])
const id = z.union([z.number(), z.string()])

/**
 * A published translation of a strategy (issue 20, phase B), as an anonymous visitor reads it:
 * the CMS returns published translations only, and a strategy must be published to publish one.
 * What the server keeps about checking (englishChecked, englishChanged) is staff-only, not read.
 */
export const strategyTranslationSchema = z.object({
  id,
  /** The English strategy, populated: its slug is the page's address, /<language>/strategies/<slug>/. */
  strategy: z.looseObject({ id, slug, title: z.string().min(1) }),
  language,
  title: z.string().min(1),
  summary: z.string().min(1),
  vision: optionalText,
  body: richText,
  /** Who translated it, as the editor wrote it; shown on the page. */
  translator: z.string().min(1),
  /** When it was last checked against the English; shown on the page. */
  lastChecked: date,
} satisfies FieldsOf<StrategyTranslation>)
export type StrategyTranslationEntry = z.infer<typeof strategyTranslationSchema>

/** A published translation of a priority: its words only; measures stay the English priority's. */
export const priorityTranslationSchema = z.object({
  id,
  priority: z.looseObject({ id, slug }),
  language,
  title: z.string().min(1),
  goal: z.string().min(1),
  approach: richText,
  outcomes: richText,
  translator: z.string().min(1),
  lastChecked: date,
} satisfies FieldsOf<PriorityTranslation>)
export type PriorityTranslationEntry = z.infer<typeof priorityTranslationSchema>
