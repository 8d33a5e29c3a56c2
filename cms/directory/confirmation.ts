/**
 * "Last checked" means a person confirmed an entry with the service — never the date of the paper
 * it came from (that is `origin`). The date is only ever set here, on the server, together with
 * who confirmed it, so a confirmed date without a confirmer cannot be saved through any route:
 * - an editor ticks "I have confirmed these details with the service today" and saves;
 * - an editor publishes a partner's submission: the partner, who keeps the entry for their own
 *   organisation, confirmed its details by submitting them.
 * The request can never write `confirmed` itself (field access), only these two actions.
 */
import { Forbidden, NotFound, type CollectionBeforeChangeHook, type Endpoint, type Field, type PayloadRequest } from 'payload'
import { isPartner, isStaff, organisationOf, staffField, staffOrOwningPartnerField } from '../access'
import { siteBuilder } from '../publishing/hooks'
import { relationId } from '../fields/relation'

const nobody = () => false

/** Who a user is, as recorded beside a confirmation: their name and email. */
export const confirmerOf = (user: { name?: unknown; email?: unknown } | null | undefined): string | null => {
  const name = typeof user?.name === 'string' ? user.name.trim() : ''
  const email = typeof user?.email === 'string' ? user.email.trim() : ''
  if (name && email) return `${name} (${email})`
  return name || email || null
}

/** The fields: the stored confirmation (read-only everywhere) and the editor's one-tick action. */
export const confirmationFields: Field[] = [
  {
    // The one-step confirmation for the entry's partner (and editors), on a saved entry.
    name: 'confirmStillCorrect',
    type: 'ui',
    admin: {
      position: 'sidebar',
      components: { Field: '/components/email/ConfirmStillCorrect#ConfirmStillCorrect' },
      condition: (data) => Boolean((data as { id?: unknown } | undefined)?.id),
    },
  },
  {
    name: 'confirmed',
    label: 'Last confirmed with the service',
    type: 'group',
    admin: {
      position: 'sidebar',
      description: 'Set when an editor confirms the entry, or publishes its organisation’s own update. Residents see this date as “last checked”; empty means not yet confirmed.',
    },
    access: { create: nobody, update: nobody },
    fields: [
      { name: 'on', label: 'Date', type: 'date', admin: { readOnly: true, date: { pickerAppearance: 'dayOnly', displayFormat: 'd MMM yyyy' } } },
      // A person's name and email: never public.
      { name: 'by', label: 'Confirmed by', type: 'text', access: { read: staffOrOwningPartnerField('organisation') }, admin: { readOnly: true } },
    ],
  },
  {
    name: 'confirmNow',
    label: 'I have confirmed these details with the service today',
    type: 'checkbox',
    virtual: true,
    access: { create: staffField, update: staffField, read: staffField },
    admin: { position: 'sidebar', description: 'Tick after checking every detail with the organisation that runs it, then save.' },
  },
]

/** The day a confirmation is recorded for, at midnight UTC like the admin's day-only dates. */
const today = () => `${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`

async function submitterOf(req: PayloadRequest, submittedBy: unknown): Promise<string | null> {
  const id = relationId(submittedBy)
  if (id == null) return null
  const user = await req.payload.findByID({ collection: 'users', id: id as number | string, depth: 0, req, overrideAccess: true, disableErrors: true })
  return confirmerOf(user as { name?: unknown; email?: unknown } | null)
}

/** Records a confirmation for the two actions above; runs after the review trail. */
export const recordConfirmation: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const user = req.user
  const confirmNow = data.confirmNow === true
  delete data.confirmNow
  if (!isStaff(user)) return data
  if (confirmNow) {
    data.confirmed = { on: today(), by: confirmerOf(user) }
  } else if (data._status === 'published' && originalDoc?.review?.state === 'pending') {
    const by = (await submitterOf(req, originalDoc.review.submittedBy)) ?? confirmerOf(user)
    data.confirmed = { on: today(), by }
  }
  return data
}

/**
 * "Confirm still correct" in one step: POST /api/services/:id/confirm. The partner who keeps the
 * entry (or an editor) says it is still right without editing it. That records who and when (the
 * date residents see as "last checked") and so clears the review flag; it changes no public
 * content, so it needs no editor review and leaves any draft awaiting review as it is. Other
 * organisations' entries are not found (404), anonymous callers are refused.
 */
export const confirmStillCorrectEndpoint: Endpoint = {
  path: '/:id/confirm',
  method: 'post',
  handler: async (req) => {
    const user = req.user
    if (!user) throw new Forbidden(req.t)
    const id = String(req.routeParams?.id ?? '')
    const entry = (await req.payload
      .findByID({ collection: 'services', id, depth: 0, overrideAccess: false, user, req, disableErrors: true })
      .catch(() => null)) as { id: number; organisation?: unknown; _status?: string } | null
    if (!entry) throw new NotFound(req.t)
    const own = isPartner(user) && String(relationId(entry.organisation) ?? '') === String(organisationOf(user) ?? '')
    if (!isStaff(user) && !own) throw new NotFound(req.t)
    const confirmed = { on: today(), by: confirmerOf(user) }
    // Only these two columns, on the live document: no version, no review, no other field touched.
    await req.payload.db.updateOne({ collection: 'services', id: entry.id, data: { confirmed }, req })
    if (entry._status === 'published') siteBuilder(req.payload)?.request(`Directory entry #${entry.id} confirmed still correct`)
    return Response.json({ message: 'Confirmed: thank you. The entry now shows today as its last check.', confirmed })
  },
}
