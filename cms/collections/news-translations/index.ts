import { translationsOf } from '../../translations/collection'

/** A news story in another language (cms/translations/collection.ts holds the rules). */
export const NewsTranslations = translationsOf({
  slug: 'news-translations',
  labels: { singular: 'News translation', plural: 'News translations' },
  of: 'news',
  parentField: 'story',
  parentLabel: 'English story',
  noun: 'story',
  textFields: ['title', 'summary', 'body'],
  description:
    'A news story in another language, written by a person. Publishing it adds /<language>/news/<story>/ to the site; “English changed since” means the English story’s text was republished with changes after the translation was last checked.',
  fields: [
    { name: 'title', type: 'text', required: true },
    { name: 'summary', type: 'textarea', required: true },
    { name: 'body', type: 'richText', required: true },
  ],
})
