import type { CollectionConfig, Field } from 'payload'
import { admins, anyone, hiddenFromPartners, isAdmin, staff, staffField } from '../../access'
import { publishesToSite } from '../../publishing/site-collections'
import { fieldName, LANGUAGES, STRING_GROUPS, VOCABULARIES } from '../../languages/strings'
import { recordFluentCheck } from './hooks'

/** The groups of strings, as Payload fields: every string required, so a language is always complete. */
const stringFields: Field[] = [
  ...Object.entries(STRING_GROUPS).map(
    ([name, group]): Field => ({
      name,
      label: group.label,
      type: 'group',
      fields: Object.entries(group.strings).map(([key, description]): Field => ({ name: key, type: 'textarea', required: true, admin: { description, rows: 2 } })),
    }),
  ),
  ...Object.entries(VOCABULARIES).map(
    ([name, vocabulary]): Field => ({
      name,
      label: vocabulary.label,
      type: 'group',
      fields: Object.entries(vocabulary.terms).map(([key, english]): Field => ({ name: fieldName(key), label: english, type: 'text', required: true })),
    }),
  ),
]

/**
 * The public site's interface in one language: one document per language (issue 20). Editors and
 * admins edit the strings; only an admin adds or removes a language, and which languages the site
 * offers is a site setting (site-settings → languages) only an admin changes. The strings are
 * public text (the site shows them), so anyone may read them, except who checked them.
 */
export const Languages: CollectionConfig = {
  slug: 'languages',
  labels: { singular: 'Language', plural: 'Languages' },
  admin: {
    group: 'Website',
    hidden: hiddenFromPartners,
    useAsTitle: 'endonym',
    defaultColumns: ['endonym', 'code', 'fluentCheck.checked', 'fluentCheck.checkedBy', 'fluentCheck.checkedAt'],
    description:
      'The website’s buttons, menus and messages in each language. A language is shown on the site only when an admin switches it on in Site settings. “Checked by a fluent speaker” is cleared whenever a string changes.',
  },
  access: { read: anyone, create: admins, update: staff, delete: admins },
  defaultSort: 'code',
  hooks: publishesToSite({ beforeChange: [recordFluentCheck] }),
  fields: [
    {
      name: 'code',
      label: 'Language code (BCP 47)',
      type: 'select',
      required: true,
      unique: true,
      index: true,
      options: LANGUAGES.map((l) => ({ label: `${l.endonym} (${l.code})`, value: l.code })),
      access: { update: ({ req }) => isAdmin(req.user) },
    },
    { name: 'endonym', label: 'Name in the language itself', type: 'text', required: true },
    {
      name: 'direction',
      type: 'select',
      required: true,
      defaultValue: 'ltr',
      options: [
        { label: 'Left to right', value: 'ltr' },
        { label: 'Right to left', value: 'rtl' },
      ],
    },
    {
      name: 'fluentCheck',
      label: 'Checked by a fluent speaker',
      type: 'group',
      admin: { description: 'Tick when a fluent speaker has read every string below. The server records who and when; any later change to a string clears it.' },
      fields: [
        { name: 'checked', label: 'Checked by a fluent speaker', type: 'checkbox', defaultValue: false },
        { name: 'checkedBy', label: 'Checked by', type: 'text', access: { read: staffField }, admin: { readOnly: true } },
        { name: 'checkedAt', label: 'Checked on', type: 'date', admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
      ],
    },
    ...stringFields,
  ],
}
