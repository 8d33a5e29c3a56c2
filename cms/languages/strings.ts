/**
 * The public site's interface strings, described once: the CMS fields of the `languages`
 * collection, the seed schema (cms/seed/schemas.ts: content/languages/<code>.json) and the site's
 * schema (site/schemas/language.ts) are all made from this list, so a string cannot exist in one
 * and be missing from another. Values: content/languages/en.json is the English, and every other
 * language file must give every key.
 *
 * Placeholders in braces are filled in by the site: {n} a number, {label} a category's name,
 * {date} a date, {q} a search. Numbers people dial (999, 55) stay in Western digits in every
 * language, so they cannot be misread.
 */
import { accessModes, audiences, categories, stepFreeAccess } from '../taxonomy'

/** A field name for a vocabulary key ("domestic-abuse" → "domestic_abuse"): Payload field names are column names. */
export const fieldName = (key: string) => key.replace(/-/g, '_')

/** Each group: its admin label and its strings, each with what an editor needs to know to translate it. */
export const STRING_GROUPS = {
  quickExit: {
    label: 'Quick exit',
    strings: {
      button: 'The button at the top of every page. Short: two words at most.',
      hiddenPrefix: 'Read out by screen readers before the button text, e.g. "Emergency:".',
      hint: 'Beside the button: what it does.',
      shift: 'The keyboard shortcut, shown when JavaScript runs.',
      remainingOne: 'Announced after two Shift presses.',
      remainingMany: 'Announced after one Shift press; {n} is the number of presses left.',
      leaving: 'Announced while the page is covered and the browser leaves.',
      expired: 'Announced when the Shift presses were too slow.',
    },
  },
  emergency: {
    label: 'Emergency notice',
    strings: {
      notice: 'On every page. Keep 999 and 55 as digits. (English pages show the site settings’ emergency message instead.)',
      heading: 'Home page heading; keep 999 as digits.',
      noneOpen24: 'When no service is open 24 hours.',
    },
  },
  navigation: {
    label: 'Navigation and footer',
    strings: {
      skipLink: 'First link on every page.',
      mainLabel: 'Name of the main navigation, for screen readers.',
      home: 'Breadcrumb link to the home page.',
      findSupport: 'Navigation: the directory.',
      news: 'Navigation: news.',
      meetings: 'Navigation: meetings.',
      staySafeOnline: 'Navigation: stay safe online.',
      breadcrumbLabel: 'Name of the breadcrumb trail, for screen readers.',
      footerLabel: 'Name of the footer navigation, for screen readers.',
      accessibility: 'Footer: accessibility statement.',
      privacy: 'Footer: privacy.',
      reviews: 'Footer: domestic homicide reviews.',
      newsFeed: 'Footer: the RSS feed.',
      openData: 'Footer: the directory as open data.',
      alertLabel: 'Name of the alert banner, for screen readers.',
      contactLead: 'Footer, before the site’s contact address.',
      contactOr: 'Between the contact email and the contact page.',
      contactPage: 'Footer: link to the contact page.',
      noCookies: 'Footer: what the site does not do.',
    },
  },
  home: {
    label: 'Home page',
    strings: {
      title: 'The home page’s heading.',
      description: 'The home page’s description for search engines.',
      quickExitTip: 'Under the emergency notice: that the quick exit is there.',
      staySafeLink: 'Link to the stay-safe-online page.',
      open24Heading: 'Heading of the 24-hour services.',
      all24: 'Link to all 24-hour services; {n} is how many.',
      byNeed: 'Heading: support by need.',
      byWho: 'Heading: support by who it is for.',
      searchAll: 'Button to the directory; {n} is how many services.',
      strategies: 'Heading of the list of the partnerships’ strategies (those translated into the language first).',
    },
  },
  directory: {
    label: 'Directory search and filters',
    strings: {
      title: 'The directory’s heading.',
      description: 'The directory’s description for search engines.',
      searchLabel: 'Label of the search box.',
      formLabel: 'Name of the search form, for screen readers.',
      need: 'Filter: need (category).',
      who: 'Filter: who it is for.',
      area: 'Filter: area.',
      access: 'Filter: how to access.',
      stepFree: 'Filter: step-free access.',
      language: 'Filter: language the service speaks.',
      any: 'A filter’s first option: no filter.',
      submit: 'The search button.',
      clear: 'Link that clears the filters.',
      noscript: 'Shown when JavaScript is off.',
      countOne: 'One service found.',
      countMany: '{n} services found.',
      matching: 'After the count when searching; {q} is the search.',
      noMatch: 'When nothing matches.',
      seeAll: 'Link to the whole directory.',
      browse: 'Heading of the browse links.',
      browseNeed: 'Browse: by need.',
      browseWho: 'Browse: by who it is for.',
      browseArea: 'Browse: by area.',
      filterCategory: 'Heading of a category page; {label} is the category.',
      filterAudience: 'Heading of a page for a group of people; {label} is the group.',
      filterArea: 'Heading of an area page; {label} is the area.',
      noneListed: 'A filter page with no services.',
      open24: 'Tag: open 24 hours.',
      notConfirmed: 'Tag: details not yet confirmed with the service.',
      englishOnly: 'Above a list of services: their pages are in English.',
    },
  },
  dates: {
    label: 'Dates and “last checked”',
    strings: {
      lastChecked: 'A directory entry checked long ago; {date} is the date.',
      updated: 'When a page was last updated; {date} is the date.',
    },
  },
  staySafe: {
    label: 'Stay safe online',
    strings: {
      title: 'The page’s heading.',
      intro: 'First paragraph. Short and literal.',
      quickExit: 'How the quick exit helps. Short and literal.',
      history: 'That the quick exit does not erase history. Short and literal.',
      privateWindow: 'Use a private window. Short and literal.',
      clearHistory: 'Clear history afterwards. Short and literal.',
      sharedDevice: 'A phone or computer someone else can check. Short and literal.',
      fullGuide: 'Link to the full guidance (in English).',
    },
  },
  languageSwitcher: {
    label: 'Language switcher and English content',
    strings: {
      label: 'Name of the language switcher, for screen readers.',
      inEnglish: 'After a link to a page that exists only in English.',
    },
  },
  translation: {
    label: 'Translated pages',
    strings: {
      credit: 'On a translated story; {name} is who translated it, as the editor wrote it.',
      checked: 'On a translated story; {date} is when the translation was last checked against the English.',
      readEnglish: 'Link from a translated story to the English story.',
      approach: 'Heading on a translated priority: how the partnership will work on it.',
      outcomes: 'Heading on a translated priority: what it should achieve.',
    },
  },
} as const

/** Vocabularies the directory shows (cms/taxonomy.ts), translated key by key. Areas are place names and stay as they are. */
export const VOCABULARIES = {
  categories: { label: 'Needs (categories)', terms: categories },
  audiences: { label: 'Who services are for', terms: audiences },
  accessModes: { label: 'How to access', terms: accessModes },
  stepFreeAccess: { label: 'Step-free access', terms: stepFreeAccess },
} as const

export type StringGroup = keyof typeof STRING_GROUPS
export type UiStrings = { [G in StringGroup]: { [K in keyof (typeof STRING_GROUPS)[G]['strings']]: string } } & {
  [V in keyof typeof VOCABULARIES]: Record<string, string>
}

/** The languages the site can offer: BCP 47 code, name in the language itself, direction. English is always on. */
export const LANGUAGES = [
  { code: 'en', endonym: 'English', dir: 'ltr' },
  { code: 'bn', endonym: 'বাংলা', dir: 'ltr' },
  { code: 'ur', endonym: 'اردو', dir: 'rtl' },
  { code: 'pa', endonym: 'ਪੰਜਾਬੀ', dir: 'ltr' },
  { code: 'pl', endonym: 'Polski', dir: 'ltr' },
  { code: 'ro', endonym: 'Română', dir: 'ltr' },
] as const
export type LanguageCode = (typeof LANGUAGES)[number]['code']
export const LANGUAGE_CODES = LANGUAGES.map((l) => l.code) as [LanguageCode, ...LanguageCode[]]
/** The languages an admin can switch on (site settings); English is always on. */
export const OPTIONAL_LANGUAGES = LANGUAGE_CODES.filter((c) => c !== 'en') as Exclude<LanguageCode, 'en'>[]

/** Every string's place, as "group.key", for messages and tests. */
export const stringPaths = (): string[] => [
  ...Object.entries(STRING_GROUPS).flatMap(([group, { strings }]) => Object.keys(strings).map((key) => `${group}.${key}`)),
  ...Object.entries(VOCABULARIES).flatMap(([group, { terms }]) => Object.keys(terms).map((key) => `${group}.${fieldName(key)}`)),
]

/** "{n} services" with its placeholders filled in. */
export const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole))
