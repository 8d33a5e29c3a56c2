import type { CollectionConfig } from 'payload'
import { languagesPanel } from '../../translations/collection'
import { hiddenFromPartners, staff, staffOrPublished } from '../../access'
import { slugField } from '../../fields/slug'
import { sourceField } from '../../fields/source'
import { year } from '../../fields/validators'
import { editorialVersions } from '../../versions'
import { options, strategyStatuses } from '../../taxonomy'
import { publishesToSite } from '../../publishing/site-collections'
import { sharedPreviewLinksField } from '../../fields/shared-preview-links'

export const Strategies: CollectionConfig = {
  slug: 'strategies',
  admin: { hidden: hiddenFromPartners, useAsTitle: 'title', defaultColumns: ['title', 'partnership', 'status', '_status'], group: 'Content' },
  access: { read: staffOrPublished, readVersions: staff, create: staff, update: staff, delete: staff },
  versions: editorialVersions,
  hooks: publishesToSite(),
  fields: [
    { name: 'title', type: 'text', required: true },
    slugField(),
    { name: 'partnership', type: 'relationship', relationTo: 'partnerships', required: true },
    {
      type: 'row',
      fields: [
        { name: 'periodStart', label: 'First year', type: 'number', required: true, validate: year },
        {
          name: 'periodEnd',
          label: 'Last year',
          type: 'number',
          required: true,
          validate: (value: unknown, { siblingData }: { siblingData: { periodStart?: number } }) => {
            const ok = year(value)
            if (ok !== true) return ok
            return typeof siblingData?.periodStart === 'number' && (value as number) < siblingData.periodStart
              ? 'The last year cannot be before the first year.'
              : true
          },
        },
      ],
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'draft',
      options: options(strategyStatuses),
      admin: { description: 'Where the strategy stands with the partnership (separate from publishing on the site).' },
    },
    { name: 'summary', type: 'textarea', required: true },
    { name: 'vision', type: 'textarea' },
    { name: 'body', type: 'richText' },
    {
      name: 'priorities',
      type: 'join',
      collection: 'priorities',
      on: 'strategy',
      defaultSort: 'order',
      admin: { description: 'Priorities in order; add one from the Priorities collection.' },
    },
    // Its translations (strategy-translations), so a backup holds them in the strategy's file (cms/seed).
    { name: 'translations', type: 'join', collection: 'strategy-translations', on: 'strategy', admin: { hidden: true } },
    { name: 'document', label: 'Source document (PDF)', type: 'upload', relationTo: 'media' },
    sourceField,
    sharedPreviewLinksField,
    // Issue 20: which languages this strategy has, and which are out of date (strategy-translations).
    languagesPanel('StrategyLanguages'),
  ],
}
