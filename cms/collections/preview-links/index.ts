import type { CollectionConfig, FieldHook } from 'payload'
import { nobody, staff } from '../../access'
import { PREVIEW_COLLECTIONS } from '../../preview/collections'
import { newSalt, tokenFor } from '../../preview/tokens'
import { DEFAULT_DAYS, MAX_DAYS, checkExpiry, defaultExpiry } from './expiry'

/**
 * A link that shows one document's saved draft, as the public site will show it, to someone
 * without an account (a partner's manager, a councillor signing off a strategy): GET
 * /preview/share/<token> (scripts/lib/preview/server.ts). Staff only. It expires (default 7 days, at most
 * 14) and can be revoked; restricted agenda items are never shown through it (scripts/lib/preview/load.ts).
 */
const shareUrl: FieldHook = ({ data, req }) => {
  if (!data?.id || !data.salt) return null
  return `${req.payload.config.serverURL}/preview/share/${tokenFor(req.payload.secret, data.id, data.salt)}`
}

export const PreviewLinks: CollectionConfig = {
  slug: 'preview-links',
  labels: { singular: 'Shared preview link', plural: 'Shared preview links' },
  admin: {
    group: 'Admin',
    hidden: ({ user }) => !(user && (user.role === 'admin' || user.role === 'editor')),
    useAsTitle: 'label',
    defaultColumns: ['label', 'collectionSlug', 'documentId', 'expiresAt', 'revoked', 'createdBy'],
    description: `A link that shows one document's saved draft to someone without an account. It expires (${DEFAULT_DAYS} days unless you choose, at most ${MAX_DAYS}); revoke it when it is no longer needed.`,
  },
  access: { read: staff, create: staff, update: staff, delete: staff, readVersions: nobody, unlock: staff },
  defaultSort: '-createdAt',
  fields: [
    { name: 'label', type: 'text', required: true, admin: { description: 'Who it is for, e.g. "Cllr Smith — sign-off of the strategy".' } },
    {
      name: 'collectionSlug',
      label: 'Collection',
      type: 'select',
      required: true,
      index: true,
      options: PREVIEW_COLLECTIONS.map((value) => ({ label: value, value })),
    },
    { name: 'documentId', label: 'Document id', type: 'text', required: true, index: true },
    {
      name: 'expiresAt',
      label: 'Expires',
      type: 'date',
      required: true,
      defaultValue: () => defaultExpiry(new Date()).toISOString(),
      validate: checkExpiry,
      admin: { date: { pickerAppearance: 'dayAndTime' }, description: `At most ${MAX_DAYS} days from now.` },
    },
    { name: 'revoked', type: 'checkbox', defaultValue: false, admin: { description: 'A revoked link shows "not found" to whoever opens it.' } },
    {
      name: 'createdBy',
      type: 'relationship',
      relationTo: 'users',
      admin: { readOnly: true, position: 'sidebar' },
      hooks: { beforeChange: [({ req, operation, value }) => (operation === 'create' ? req.user?.id : value)] },
    },
    // The random salt the token is computed from (cms/preview/tokens.ts); never readable over the API.
    {
      name: 'salt',
      type: 'text',
      access: { read: () => false, update: () => false, create: () => false },
      admin: { hidden: true },
      hooks: { beforeChange: [({ operation, value }) => (operation === 'create' ? newSalt() : value)] },
    },
    {
      name: 'url',
      label: 'Link to send',
      type: 'text',
      virtual: true,
      admin: { readOnly: true, position: 'sidebar', description: 'Send this address to the person who should see the draft.' },
      hooks: { afterRead: [shareUrl] },
    },
  ],
}
