/**
 * The CMS side of the confidential-location rule (cms/directory/confidential-location.ts): a refuge's address,
 * or a postcode, coordinates or street line in a confidential entry's text, is refused on save —
 * drafts included, so a partner's draft can never hold one either — with the reason on the field.
 * A refuge entry is marked "location confidential" so the admin list shows it.
 */
import { ValidationError, type CollectionBeforeChangeHook } from 'payload'
import { CONFIDENTIAL_CATEGORIES, locationProblems, type LocatableEntry } from '../../directory/confidential-location'

export const noConfidentialLocation: CollectionBeforeChangeHook = ({ collection, data, originalDoc }) => {
  const entry = { ...(originalDoc ?? {}), ...data } as LocatableEntry
  if ((entry.categories ?? []).some((c) => CONFIDENTIAL_CATEGORIES.includes(c))) data.locationConfidential = true
  const problems = locationProblems({ ...entry, locationConfidential: data.locationConfidential ?? entry.locationConfidential })
  if (problems.length) {
    const error = new ValidationError({ collection: collection.slug, errors: problems })
    // The admin's notice shows the message: say why, not just which field.
    error.message = problems[0]!.message
    throw error
  }
  return data
}
