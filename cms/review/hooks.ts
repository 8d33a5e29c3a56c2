/**
 * The partner review workflow, enforced on the server for the admin, REST and Local API alike:
 * - a partner's create or update is always saved as a draft version awaiting review, even when
 *   the request asks to publish, so the live entry stays as the editors last approved it;
 * - a partner may not create for, or move an entry to, another organisation (403);
 * - an editor publishing a submission approves it.
 */
import { Forbidden, type CollectionBeforeChangeHook, type CollectionBeforeOperationHook } from 'payload'
import { isPartner, isStaff, organisationOf } from '../access'
import { relationId } from '../fields/relation'

/** Partners never publish: every save of theirs becomes a draft version. */
export const partnerSavesAreDrafts: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  // Payload reads a restore's `draft` before this hook runs, so it cannot be switched here: the
  // collection's restore endpoint (review/restore.ts) asks for a draft for partners, and any other
  // route that would restore onto the live document for a partner is refused.
  if (isPartner(req.user) && operation === 'restoreVersion' && args.draft !== true) throw new Forbidden(req.t)
  if (isPartner(req.user) && (operation === 'create' || operation === 'update')) {
    args.draft = true
    if (args.data && typeof args.data === 'object') (args.data as Record<string, unknown>)._status = 'draft'
  }
  return args
}

/**
 * @param ownerField the field holding the owning organisation ('organisation' on services,
 *                   'id' on organisations themselves)
 */
export const reviewTrail =
  (ownerField: 'organisation' | 'id'): CollectionBeforeChangeHook =>
  ({ data, originalDoc, operation, req }) => {
    const user = req.user
    if (isPartner(user)) {
      const own = organisationOf(user)
      if (ownerField === 'organisation') {
        if (operation === 'create' && data.organisation == null) data.organisation = own
        const requested = relationId(data.organisation ?? originalDoc?.organisation)
        const current = relationId(originalDoc?.organisation)
        if (String(requested) !== String(own) || (operation === 'update' && String(current) !== String(own))) {
          throw new Forbidden(req.t)
        }
      }
      data._status = 'draft'
      data.review = {
        state: 'pending',
        note: originalDoc?.review?.note ?? null,
        submittedBy: user!.id,
        submittedAt: new Date().toISOString(),
      }
    } else if (isStaff(user) && data._status === 'published') {
      // Approving a partner's submission on a directory entry also records it as confirmed (directory/confirmation.ts).
      data.review = { ...(originalDoc?.review ?? {}), ...(data.review ?? {}), state: 'approved' }
    }
    return data
  }
