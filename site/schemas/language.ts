import { z } from 'zod'
import type { Language as CmsLanguage } from '../../cms/payload-types'
import { fieldName, LANGUAGE_CODES, STRING_GROUPS, VOCABULARIES, type UiStrings } from '../../cms/languages/strings'
import type { FieldsOf } from './common'

const uiString = z.string().trim().min(1)
const group = (keys: string[]) => z.object(Object.fromEntries(keys.map((key) => [key, uiString])))

/**
 * One language's interface (cms/collections/languages). Every string is required: a language
 * with a missing string is left out of the build (and so not offered), never shown half-translated.
 * Who checked it is not read: the public API does not give it.
 */
export const languageSchema = z
  .object({
    code: z.enum(LANGUAGE_CODES),
    endonym: uiString,
    direction: z.enum(['ltr', 'rtl']),
    ...Object.fromEntries(Object.entries(STRING_GROUPS).map(([name, { strings }]) => [name, group(Object.keys(strings))])),
    ...Object.fromEntries(Object.entries(VOCABULARIES).map(([name, { terms }]) => [name, group(Object.keys(terms).map(fieldName))])),
  } satisfies FieldsOf<CmsLanguage>)
  .transform((doc) => {
    const { code, endonym, direction, ...strings } = doc as unknown as { code: (typeof LANGUAGE_CODES)[number]; endonym: string; direction: 'ltr' | 'rtl' } & UiStrings
    return { code, endonym, direction, strings }
  })
export type SiteLanguage = z.infer<typeof languageSchema>
