/**
 * The confidential-location rule (cms/directory/confidential-location.ts) on a translation of a
 * directory entry: a refuge's translation may not give its place away either — no postcode, map
 * coordinates or street line in its name, description, how-to-access or eligibility text, drafts
 * included — with the same reason on the field as the English entry gets. Whether the entry is
 * confidential is the English entry's call, as stored now or in its newest draft (the safe side).
 */
import { ValidationError, type CollectionBeforeChangeHook } from 'payload'
import { isLocationConfidential, locationProblems, type LocatableEntry } from '../../directory/confidential-location'
import { relationId } from '../../fields/relation'

/** The fields a translation of a directory entry translates: what residents read, never a contact detail. */
export const SERVICE_TEXT_FIELDS = ['name', 'description', 'howToAccess', 'eligibility'] as const

export const noConfidentialLocationInTranslation: CollectionBeforeChangeHook = async ({ collection, data, originalDoc, req }) => {
  const translation = { ...(originalDoc ?? {}), ...data } as Record<string, unknown>
  const id = relationId(translation.service as never)
  if (id == null) return data
  const read = (draft: boolean) => req.payload.findByID({ collection: 'services', id: id as number, depth: 0, draft, disableErrors: true, overrideAccess: true, req }) as Promise<LocatableEntry | null>
  const versions = (await Promise.all([read(false), read(true)])).filter(Boolean) as LocatableEntry[]
  if (!versions.some(isLocationConfidential)) return data
  const text = Object.fromEntries(SERVICE_TEXT_FIELDS.map((f) => [f, translation[f]]))
  const problems = locationProblems({ ...text, locationConfidential: true })
  if (problems.length) {
    const error = new ValidationError({ collection: collection.slug, errors: problems })
    error.message = problems[0]!.message
    throw error
  }
  return data
}
