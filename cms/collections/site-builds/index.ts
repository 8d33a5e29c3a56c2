import type { CollectionConfig } from 'payload'
import { hiddenFromPartners, nobody, staff } from '../../access'

/**
 * One row per public-site build, written by the publishing pipeline (cms/publishing). Editors read
 * it as the build status view: when, how long, whether it went live and, if not, why.
 */
export const SiteBuilds: CollectionConfig = {
  slug: 'site-builds',
  labels: { singular: 'Site build', plural: 'Site builds' },
  admin: {
    group: 'Admin',
    hidden: hiddenFromPartners,
    useAsTitle: 'label',
    defaultColumns: ['label', 'status', 'startedAt', 'durationMs', 'error'],
    description: 'Each rebuild of the public website after a publish. A failed build leaves the last good site live.',
  },
  access: { read: staff, create: nobody, update: nobody, delete: nobody },
  defaultSort: '-startedAt',
  fields: [
    { name: 'label', type: 'text', required: true },
    {
      name: 'status',
      type: 'select',
      required: true,
      options: [
        { label: 'Running', value: 'running' },
        { label: 'Live', value: 'succeeded' },
        { label: 'Failed — previous site still live', value: 'failed' },
      ],
    },
    { name: 'trigger', type: 'textarea', admin: { description: 'The changes this build includes.' } },
    { name: 'startedAt', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'finishedAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'durationMs', label: 'Duration (ms)', type: 'number' },
    { name: 'pages', type: 'number' },
    { name: 'error', label: 'Problems', type: 'textarea', admin: { description: 'Why the build failed, or which records it left out.' } },
    {
      name: 'excluded',
      label: 'Records left out',
      type: 'json',
      admin: { description: 'Records that failed the site’s checks: the rest of the site was built and went live without them.' },
    },
  ],
}
