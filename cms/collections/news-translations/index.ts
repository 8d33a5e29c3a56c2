import type { CollectionConfig } from 'payload'
import { hiddenFromPartners, nobody, staff, staffField, staffOrPublished } from '../../access'
import { editorialVersions } from '../../versions'
import { publicRelation, publishesToSite } from '../../publishing/site-collections'
import { LANGUAGES, OPTIONAL_LANGUAGES } from '../../languages/strings'
import { englishChangedSince, oneTranslationPerLanguage, recordEnglishSeen } from './hooks'

/**
 * A news story in one language other than English (issue 20, phase B): its own record with its
 * own drafts and publish state, so publishing the Polish version leaves the English story and
 * every other language alone, and an unpublished translation is a draft the public API never
 * returns (staffOrPublished, as for the story itself). Written by people: nothing here is ever
 * machine-translated. README "Languages" says why this is a collection and not Payload's
 * field localisation.
 */
export const NewsTranslations: CollectionConfig = {
  slug: 'news-translations',
  labels: { singular: 'News translation', plural: 'News translations' },
  admin: {
    hidden: hiddenFromPartners,
    useAsTitle: 'title',
    defaultColumns: ['title', 'language', 'story', '_status', 'lastChecked', 'englishChanged'],
    group: 'Content',
    description:
      'A news story in another language, written by a person. Publishing it adds /<language>/news/<story>/ to the site; “English changed since” means the English story’s text was republished with changes after the translation was last checked.',
  },
  access: { read: staffOrPublished, readVersions: staff, create: staff, update: staff, delete: staff },
  versions: editorialVersions,
  hooks: publishesToSite({ beforeChange: [oneTranslationPerLanguage, recordEnglishSeen] }),
  defaultSort: '-updatedAt',
  fields: [
    publicRelation({ name: 'story', label: 'English story', type: 'relationship', relationTo: 'news', required: true, index: true }),
    {
      name: 'language',
      type: 'select',
      required: true,
      index: true,
      options: OPTIONAL_LANGUAGES.map((code) => ({ label: `${LANGUAGES.find((l) => l.code === code)!.endonym} (${code})`, value: code })),
    },
    { name: 'title', type: 'text', required: true },
    { name: 'summary', type: 'textarea', required: true },
    { name: 'body', type: 'richText', required: true },
    {
      name: 'translator',
      label: 'Translated by',
      type: 'text',
      required: true,
      admin: { position: 'sidebar', description: 'Shown on the page, e.g. “Newham Council translation team”. A person’s name only with their agreement.' },
    },
    {
      name: 'lastChecked',
      label: 'Last checked against the English',
      type: 'date',
      required: true,
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayOnly' }, description: 'Set it each time a translator checks this version against the English story.' },
    },
    // A fingerprint of the English text at the last check (hooks.ts); set by the server only.
    { name: 'englishChecked', type: 'text', access: { read: staffField, create: nobody as never, update: nobody as never }, admin: { hidden: true } },
    {
      name: 'englishChanged',
      label: 'English changed since',
      type: 'checkbox',
      virtual: true,
      access: { read: staffField },
      admin: { position: 'sidebar', readOnly: true, description: 'The English story’s text was republished with changes after this translation was last checked.' },
      hooks: { afterRead: [englishChangedSince] },
    },
  ],
}
