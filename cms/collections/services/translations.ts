/**
 * Deleting a directory entry deletes its translations with it (issue 20), in the same transaction:
 * a closed service must be removable at once, so its translations never refuse the delete
 * (cms/translations/collection.ts, englishLeavesFreely), and a translation of an entry that no
 * longer exists has nothing to translate — kept, it would be an orphan the backup cannot place.
 */
import type { CollectionBeforeDeleteHook } from 'payload'

export const deleteTranslations: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({ collection: 'service-translations', where: { service: { equals: id } }, overrideAccess: true, req })
}
