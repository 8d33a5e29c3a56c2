import type { CollectionConfig } from 'payload'
import { languagesPanel } from '../../translations/collection'
import { hiddenFromPartners, staff, staffOrPublished } from '../../access'
import { slugField } from '../../fields/slug'
import { sourceField } from '../../fields/source'
import { editorialVersions } from '../../versions'
import { publishesToSite } from '../../publishing/site-collections'
import { sharedPreviewLinksField } from '../../fields/shared-preview-links'

export const News: CollectionConfig = {
  slug: 'news',
  labels: { singular: 'News story', plural: 'News' },
  admin: { hidden: hiddenFromPartners, useAsTitle: 'title', defaultColumns: ['title', 'date', '_status'], group: 'Content' },
  access: { read: staffOrPublished, readVersions: staff, create: staff, update: staff, delete: staff },
  versions: editorialVersions,
  hooks: publishesToSite(),
  defaultSort: '-date',
  fields: [
    { name: 'title', type: 'text', required: true },
    slugField(),
    { name: 'date', type: 'date', required: true, admin: { position: 'sidebar', date: { pickerAppearance: 'dayOnly' } } },
    { name: 'summary', type: 'textarea', required: true },
    { name: 'partnerships', type: 'relationship', relationTo: 'partnerships', hasMany: true },
    { name: 'image', type: 'upload', relationTo: 'media' },
    { name: 'body', type: 'richText', required: true },
    { name: 'tags', type: 'text', hasMany: true },
    sourceField,
    sharedPreviewLinksField,
    // Its translations (news-translations), so a backup holds them in the story's file (cms/seed):
    // the sidebar below shows them to editors, with their state.
    { name: 'translations', type: 'join', collection: 'news-translations', on: 'story', admin: { hidden: true } },
    // Issue 20: which languages this story has, and which are out of date (news-translations).
    languagesPanel('NewsLanguages'),
  ],
}
