import type { Field } from 'payload'
import { staffField, staffOrOwningPartnerField } from '../access'
import { isReviewDue, REVIEW_INTERVAL_MONTHS } from '../rules'

export const REVIEW_STATES = [
  { label: 'Awaiting review', value: 'pending' },
  { label: 'Changes requested', value: 'changes-requested' },
  { label: 'Approved', value: 'approved' },
] as const

export type ReviewState = (typeof REVIEW_STATES)[number]['value']

/**
 * The review trail of a partner submission: set by cms/review/hooks.ts, never trusted from the
 * request. Editors write the note a partner sees when they ask for changes. Internal: readable by
 * staff and by the partner who owns the record, never by the public or other partners.
 * @param ownerField where the owning organisation is ('organisation' on services, 'id' on organisations)
 */
export const reviewFields = (ownerField: 'organisation' | 'id'): Field => ({
  name: 'review',
  type: 'group',
  // Written by the server (review/hooks.ts) and by editors; a partner reads it, so their form shows
  // it read-only instead of offering a state and a note that their save would not keep.
  access: { read: staffOrOwningPartnerField(ownerField), create: staffField, update: staffField },
  admin: { position: 'sidebar', description: 'Partner changes wait here for an editor to publish them.' },
  fields: [
    { name: 'state', type: 'select', options: [...REVIEW_STATES], admin: { description: 'Set automatically when a partner saves or an editor publishes.' } },
    { name: 'note', label: 'Note to the partner', type: 'textarea' },
    { name: 'submittedBy', type: 'relationship', relationTo: 'users', admin: { readOnly: true } },
    { name: 'submittedAt', type: 'date', admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
  ],
})

/** A list column: is this entry overdue for its six-monthly check? Computed, not stored. */
export const reviewDueField: Field = {
  name: 'reviewDue',
  label: 'Six-monthly check',
  type: 'text',
  virtual: true,
  admin: { readOnly: true, position: 'sidebar', description: `Due when not confirmed with the service for more than ${REVIEW_INTERVAL_MONTHS} months, or never.` },
  hooks: {
    afterRead: [
      ({ siblingData }) => {
        const on = (siblingData?.confirmed as { on?: string | null } | undefined)?.on
        return !on ? 'Never confirmed' : isReviewDue(on) ? 'Review due' : 'Up to date'
      },
    ],
  },
}
