/**
 * Restoring a version, the way the review workflow needs it. Payload's own endpoint
 * (`POST /api/<collection>/versions/<id>`) restores onto the live document unless the request asks
 * for a draft, and a restore is not a "create" or "update" to the partner hook — so a partner could
 * restore an old draft version and take their live entry off the site and out of the Open Referral
 * feed. This endpoint replaces it on the collections partners edit: a partner's restore is always
 * saved as a draft version (the review hook then marks it awaiting review, like any partner save);
 * staff restore as Payload does.
 */
import { headersWithCors, parseParams, restoreVersionOperation, type CollectionSlug, type Endpoint } from 'payload'
import { isPartner } from '../access'

export const restoreVersionAsDraftForPartners = (slug: CollectionSlug): Endpoint => ({
  path: '/versions/:id',
  method: 'post',
  handler: async (req) => {
    const { depth, draft, populate } = parseParams(req.query)
    const doc = await restoreVersionOperation({
      id: String(req.routeParams?.id ?? ''),
      collection: req.payload.collections[slug],
      depth,
      draft: isPartner(req.user) ? true : draft,
      populate,
      req,
    })
    return Response.json(
      { ...doc, message: req.t('version:restoredSuccessfully') },
      { headers: headersWithCors({ headers: new Headers(), req }) },
    )
  },
})
