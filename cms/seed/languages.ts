/**
 * content/languages/<code>.json ⇄ a `languages` document (issue 20). The file holds exactly what
 * the schema lists (./schemas.ts languageSchema), in the order of cms/languages/strings.ts, so an
 * export of a fresh seed writes the shipped files back unchanged.
 */
import { fieldName, STRING_GROUPS, VOCABULARIES } from '../languages/strings'
import type { LanguageSeed } from './schemas'
import type { Json } from './format'

const GROUPS: [string, string[]][] = [
  ...Object.entries(STRING_GROUPS).map(([group, { strings }]): [string, string[]] => [group, Object.keys(strings)]),
  ...Object.entries(VOCABULARIES).map(([group, { terms }]): [string, string[]] => [group, Object.keys(terms).map(fieldName)]),
]

/** What the seeder writes: the file's strings; "not yet checked" unless the file says otherwise. */
export const languageData = (language: LanguageSeed): Json => ({
  ...language,
  fluentCheck: language.fluentCheck ?? { checked: false, checkedBy: null, checkedAt: null },
})

/** A stored document as its file: only the format's fields, in order; "not yet checked" is left out. */
export function languageFile(doc: Json): Json {
  const check = (doc.fluentCheck ?? {}) as { checked?: boolean; checkedBy?: string | null; checkedAt?: string | null }
  const file: Json = { code: doc.code, endonym: doc.endonym, direction: doc.direction }
  if (check.checked) file.fluentCheck = { checked: true, ...(check.checkedBy ? { checkedBy: check.checkedBy } : {}), ...(check.checkedAt ? { checkedAt: check.checkedAt } : {}) }
  for (const [group, keys] of GROUPS) {
    const values = (doc[group] ?? {}) as Json
    file[group] = Object.fromEntries(keys.map((key) => [key, values[key]]))
  }
  return file
}
