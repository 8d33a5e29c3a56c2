import { translationsOf } from '../../translations/collection'

/**
 * A priority in another language (cms/translations/collection.ts holds the rules): its title,
 * goal, approach and outcomes. Its measures, baselines, targets and readings (and the charts drawn
 * from them) stay as in English: numbers and dates a translator should not retype.
 */
export const PriorityTranslations = translationsOf({
  slug: 'priority-translations',
  labels: { singular: 'Priority translation', plural: 'Priority translations' },
  of: 'priorities',
  parentField: 'priority',
  parentLabel: 'English priority',
  noun: 'priority',
  textFields: ['title', 'goal', 'approach', 'outcomes'],
  description:
    'A strategy’s priority in another language, written by a person. Publishing it adds /<language>/strategies/<strategy>/<priority>/ once the strategy’s translation in that language is published; measures and targets stay as in English.',
  fields: [
    { name: 'title', type: 'text', required: true },
    { name: 'goal', type: 'textarea', required: true },
    { name: 'approach', type: 'richText' },
    { name: 'outcomes', type: 'richText' },
  ],
})
