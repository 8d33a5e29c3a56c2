/**
 * The localised hub pages (issue 20): /<code>/, /<code>/support/, /<code>/support/<key>/ and
 * /<code>/stay-safe-online/ for every live language but English. getStaticPaths cannot call a
 * page's frontmatter, so what they share lives here.
 *
 * A localised list names each entry and links to its page in the language when it has a published
 * translation there, else to its English page (lang="en", "in English" in the visitor's language). The items are written
 * as one string per list rather than one component per entry, and say no more than the visitor
 * needs to choose: five languages × every filter page at 10,000 entries is the languages' biggest
 * cost (README, Languages: build cost).
 */
import type { CollectionEntry } from 'astro:content'
import { builtAt } from './content'
import { isOutOfDate } from './dates'
import { dateFormat, fill, type Language } from './i18n'
import { fieldName } from '../../cms/languages/strings'

type Service = CollectionEntry<'services'>

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
/** Text as HTML text or an attribute value: nothing in it is markup. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)

/** A vocabulary term in the language ("domestic-abuse" → "পারিবারিক নির্যাতন"). */
export const term = (language: Pick<Language, 'strings'>, vocabulary: 'categories' | 'audiences' | 'accessModes' | 'stepFreeAccess', key: string) =>
  (language.strings[vocabulary] as Record<string, string>)[fieldName(key)] ?? key

/**
 * Directory entries as list items in `language`: each entry's name linking to its English page,
 * marked lang="en" with "(in English)" in the visitor's language — or, for an entry with a published
 * translation in this language (`translated`: its name there, by entry id), to that page under its
 * translated name — and a warning when it has not been
 * confirmed with the service or was last checked long ago. Who runs it, what it is and its tags are
 * on the English page: five languages repeating them on every filter page would make the languages
 * cost more than issue 20 allows (README, Languages: build cost). `filterable` adds the data
 * attributes the in-page search and filters read (components/directory.ts), for the directory page.
 */
export function serviceItems(services: Service[], language: Language, { filterable = false, translated = new Map() }: { filterable?: boolean; translated?: ReadonlyMap<string, string> } = {}, now: Date = builtAt()): string {
  const t = language.strings
  const marker = `<span lang="${escapeHtml(language.code)}">(${escapeHtml(t.languageSwitcher.inEnglish)})</span>`
  const notConfirmed = ` <span class="tag tag--warn">${escapeHtml(t.directory.notConfirmed)}</span>`
  const format = dateFormat(language.code)
  const [before = '', after = ''] = escapeHtml(t.dates.lastChecked).split('{date}')
  const data = (name: string, values: string[]) => (values.length ? ` data-${name}="${escapeHtml(values.join(' '))}"` : '')
  return services
    .map(({ data: s }) => {
      const stale = s.confirmed !== undefined && isOutOfDate(s.confirmed, now)
      const warning =
        s.confirmed === undefined
          ? notConfirmed
          : stale
            ? ` <span class="tag tag--warn">${before}<time datetime="${s.confirmed.toISOString().slice(0, 10)}">${escapeHtml(format.format(s.confirmed))}</time>${after}</span>`
            : ''
      const attrs = filterable
        ? ` data-service${data('categories', s.categories)}${data('audiences', s.audiences)}${data('areas', s.areas)}${data('access', s.accessModes)}${data('step-free', [s.stepFreeAccess.status])}` +
          (s.languages.length ? ` data-languages="${escapeHtml(s.languages.map((l) => l.toLowerCase()).join('|'))}"` : '')
        : ''
      // Translated into this language (issue 20): its own page, its translated name, not marked as English.
      const name = translated.get(String(s.id))
      const link = name === undefined ? `<a href="/services/${escapeHtml(s.slug)}/" lang="en" hreflang="en">${escapeHtml(s.name)} ${marker}</a>` : `<a href="/${escapeHtml(language.code)}/services/${escapeHtml(s.slug)}/">${escapeHtml(name)}</a>`
      return `<li${s.urgent ? ' class="urgent"' : ''}${attrs}>${link}${s.urgent ? ` <span class="tag tag--urgent">${escapeHtml(t.directory.open24)}</span>` : ''}${warning}</li>`
    })
    .join('')
}

/** "1 service" / "12 services" in the language. */
export const countOf = (language: Language, n: number) => (n === 1 ? language.strings.directory.countOne : fill(language.strings.directory.countMany, { n }))

/** A document in a localised list: its own translation in the language, or the English page, marked as English. */
export type LocalisedLink = { href: string; title: string; date?: Date; english: boolean }

type Story = CollectionEntry<'news'>
type StoryTranslation = CollectionEntry<'newsTranslations'>
type Strategy = CollectionEntry<'strategies'>
type StrategyTranslation = CollectionEntry<'strategyTranslations'>

/** The English document a localised list names: as its own entry gives it, and as a translation's populated relation does. */
type English = { id: number | string; slug: string; date?: Date }

/**
 * A localised list (issue 20, phase B), news or strategies alike: every translation published in
 * `code`, in the order given, linked to its page under /<code>/<section>/; then the first
 * `englishLimit` English documents with no translation there, linked to their English pages under
 * /<section>/ and marked as English. `of` is the English document a translation is of; `dated`
 * gives each item its English document's date. `inputs`: the listed records, for the page's key.
 */
function localisedList<E extends { data: English & { title: string } }, T extends { data: { language: string; title: string } }>(
  code: string,
  section: string,
  documents: E[],
  translations: T[],
  englishLimit: number,
  { of, dated }: { of: (t: T) => English; dated: boolean },
): { items: LocalisedLink[]; inputs: Array<E | T> } {
  const own = translations.filter((t) => t.data.language === code)
  const translated = new Set(own.map((t) => String(of(t).id)))
  const englishOnly = documents.filter((d) => !translated.has(String(d.data.id))).slice(0, englishLimit)
  const item = (href: string, title: string, doc: English, english: boolean): LocalisedLink => ({ href, title, ...(dated && { date: doc.date }), english })
  return {
    items: [
      ...own.map((t) => item(`/${code}/${section}/${of(t).slug}/`, t.data.title, of(t), false)),
      ...englishOnly.map((d) => item(`/${section}/${d.data.slug}/`, d.data.title, d.data, true)),
    ],
    inputs: [...own, ...englishOnly],
  }
}

/**
 * News in `language` (issue 20, phase B), as the localised home and /<code>/news/ list it: every story
 * published in the language (newest first), then the newest `englishLimit` English-only stories,
 * linked to their English pages. Bounded: the English-only part never grows with the archive.
 * `inputs`: the listed records, for the page's key.
 */
export function localisedNews(code: string, stories: Story[], translations: StoryTranslation[], englishLimit: number): { items: LocalisedLink[]; inputs: Array<Story | StoryTranslation> } {
  return localisedList(code, 'news', stories, translations, englishLimit, { of: (t) => t.data.story, dated: true })
}

/**
 * Strategies in `language`, as the localised home lists them: those published in the language (in
 * the strategies' order), then at most `englishLimit` English-only ones, linked to their English
 * pages. A fixed small list: at most one entry per strategy translated into the language, plus the limit.
 */
export function localisedStrategies(code: string, strategies: Strategy[], translations: StrategyTranslation[], englishLimit: number): { items: LocalisedLink[]; inputs: Array<Strategy | StrategyTranslation> } {
  return localisedList(code, 'strategies', strategies, translations, englishLimit, { of: (t) => t.data.strategy, dated: false })
}

/**
 * The published translations of directory entries in one language (issue 20), for a list: each
 * listed entry's translated name by entry id, and the page key inputs of those on the list (none:
 * the key is as before, so an untranslated language's pages keep their keys).
 */
export function translatedNames(translations: CollectionEntry<'serviceTranslations'>[], language: Language, listed: Service[]) {
  const ids = new Set(listed.map((s) => String(s.data.id)))
  const mine = translations.filter((t) => t.data.language === language.code && ids.has(String(t.data.service.id)))
  return { names: new Map(mine.map((t) => [String(t.data.service.id), t.data.name])), inputs: mine.map((t) => `${t.id}:${t.digest ?? ''}`) }
}
