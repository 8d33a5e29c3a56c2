import type { CollectionConfig } from 'payload'
import { hiddenFromPartners, nobody, staff } from '../../access'

/**
 * One row per backup attempt, written by the system (cms/backups) with overrideAccess: the nightly
 * job, the copy taken before migrations, and manual runs. Staff read it to see that copies are
 * being made; the folders themselves (BACKUP_DIR) are the backups. Nobody edits or deletes rows.
 */
export const Backups: CollectionConfig = {
  slug: 'backups',
  labels: { singular: 'Backup', plural: 'Backups' },
  admin: {
    group: 'Admin',
    hidden: hiddenFromPartners,
    useAsTitle: 'name',
    defaultColumns: ['name', 'result', 'kind', 'startedAt', 'bytes', 'error'],
    description:
      'Copies of the database and uploaded files, made every night and before every database migration. ' +
      'Restore one with `npm run restore -- <folder>` while the CMS is stopped. Edits made since the last copy are not in it.',
  },
  access: { read: staff, create: nobody, update: nobody, delete: nobody },
  defaultSort: '-startedAt',
  fields: [
    { name: 'name', type: 'text', required: true, admin: { description: 'The backup folder’s name.' } },
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: [
        { label: 'Nightly', value: 'nightly' },
        { label: 'Before a migration', value: 'pre-migration' },
        { label: 'Manual', value: 'manual' },
      ],
    },
    {
      name: 'result',
      type: 'select',
      required: true,
      options: [
        { label: 'Succeeded', value: 'succeeded' },
        { label: 'Failed', value: 'failed' },
        { label: 'Not supported (MongoDB)', value: 'unsupported' },
      ],
    },
    { name: 'startedAt', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'finishedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'durationMs', label: 'Duration (ms)', type: 'number' },
    { name: 'bytes', label: 'Size (bytes)', type: 'number', admin: { description: 'Database copy plus media files.' } },
    { name: 'mediaFiles', label: 'Media files', type: 'number' },
    { name: 'path', type: 'text', admin: { description: 'Where the backup folder is on the CMS machine.' } },
    { name: 'error', type: 'textarea' },
    {
      name: 'removedAt',
      type: 'date',
      admin: { date: { pickerAppearance: 'dayAndTime' }, description: 'When retention deleted the folder (7 daily and 4 weekly copies are kept).' },
    },
  ],
}
