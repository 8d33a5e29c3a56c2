import type { UIField } from 'payload'
import { isStaff } from '../access'

/**
 * On the edit screen of every document the public site shows: that document's live shared preview
 * links (cms/collections/preview-links), with their expiry, a Revoke button and a form to create
 * one. Staff only — the collection's own access refuses partners anyway; this keeps the panel off
 * their screen. A ui field stores nothing, so it needs no migration.
 */
export const sharedPreviewLinksField: UIField = {
  name: 'sharedPreviewLinks',
  label: 'Shared preview links',
  type: 'ui',
  admin: {
    position: 'sidebar',
    components: { Field: '/components/preview/SharedPreviewLinks#SharedPreviewLinks' },
    condition: (data, _sibling, { user }) => Boolean((data as { id?: unknown } | undefined)?.id) && isStaff(user),
  },
}
