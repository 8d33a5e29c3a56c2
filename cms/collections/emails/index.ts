import type { CollectionConfig } from 'payload'
import { hiddenFromPartners, nobody, staff } from '../../access'
import { remindersEndpoint } from '../../email/reminders'

export const EMAIL_KINDS = [
  { label: 'Invitation', value: 'invitation' },
  { label: 'Password reset', value: 'password-reset' },
  { label: 'Review decision', value: 'decision' },
  { label: 'Partner reminder (monthly)', value: 'partner-digest' },
  { label: 'Editor digest (weekly)', value: 'editor-digest' },
  { label: 'Other', value: 'other' },
] as const
export type EmailKind = (typeof EMAIL_KINDS)[number]['value']

/**
 * One row per email the CMS queued, written only by the server (cms/email) with overrideAccess:
 * who it is for, its subject, whether it went, how many attempts and the last error. Staff read
 * it to see that mail is going out, and why not when it is not; the message body is never stored
 * here (it travels sealed on the jobs queue). `key` makes a reminder once-per-period: a second
 * reminder with the same key is not queued.
 */
export const Emails: CollectionConfig = {
  slug: 'emails',
  labels: { singular: 'Email', plural: 'Emails' },
  admin: {
    group: 'Admin',
    hidden: hiddenFromPartners,
    useAsTitle: 'subject',
    defaultColumns: ['subject', 'to', 'kind', 'state', 'attempts', 'lastError', 'createdAt'],
    description:
      'Every email the CMS has sent or is trying to send. A message that fails is tried again after 1, 2, 4 and 8 minutes, then marked failed with the reason. ' +
      'Without SMTP_URL, messages are written to the outbox folder instead of being sent.',
  },
  access: { read: staff, create: nobody, update: nobody, delete: nobody },
  endpoints: [remindersEndpoint],
  defaultSort: '-createdAt',
  fields: [
    { name: 'kind', type: 'select', required: true, options: [...EMAIL_KINDS] },
    { name: 'to', type: 'text', required: true },
    { name: 'subject', type: 'text', required: true },
    {
      name: 'state',
      type: 'select',
      required: true,
      defaultValue: 'queued',
      options: [
        { label: 'Queued', value: 'queued' },
        { label: 'Sent', value: 'sent' },
        { label: 'Failed, will retry', value: 'retrying' },
        { label: 'Failed', value: 'failed' },
      ],
    },
    { name: 'attempts', type: 'number', defaultValue: 0 },
    { name: 'lastError', type: 'text' },
    { name: 'sentAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'key', type: 'text', unique: true, index: true, admin: { description: 'For reminders: one per organisation (or editor) and period.' } },
  ],
}
