import { translationsOf } from '../../translations/collection'

/**
 * A strategy in another language (cms/translations/collection.ts holds the rules): the words a
 * resident reads — title, summary, vision, body. Its period, status, partnership and source
 * document are the English strategy's.
 */
export const StrategyTranslations = translationsOf({
  slug: 'strategy-translations',
  labels: { singular: 'Strategy translation', plural: 'Strategy translations' },
  of: 'strategies',
  parentField: 'strategy',
  parentLabel: 'English strategy',
  noun: 'strategy',
  textFields: ['title', 'summary', 'vision', 'body'],
  description:
    'A strategy in another language, written by a person. Publishing it adds /<language>/strategies/<strategy>/ to the site; “English changed since” means the English strategy’s text was republished with changes after the translation was last checked.',
  fields: [
    { name: 'title', type: 'text', required: true },
    { name: 'summary', type: 'textarea', required: true },
    { name: 'vision', type: 'textarea' },
    { name: 'body', type: 'richText' },
  ],
})
