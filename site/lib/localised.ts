/**
 * The localised hub pages (issue 20): /<code>/, /<code>/support/, /<code>/support/<key>/ and
 * /<code>/stay-safe-online/ for every live language but English. getStaticPaths cannot call a
 * page's frontmatter, so what they share lives here.
 *
 * Directory entries exist in English only (phase A): a localised list names each entry and links
 * to its English page (lang="en", "in English" in the visitor's language), with its tags in the
 * visitor's language. The items are written as one string per list rather than one component per
 * entry: five languages × every filter page at 10,000 entries is the build's biggest cost, and a
 * string costs next to nothing to render (README, Languages: build cost).
 */
import type { CollectionEntry } from 'astro:content'
import { BUILT_AT } from './content'
import { isOutOfDate } from './dates'
import { dateFormat, fill, type Language } from './i18n'
import { fieldName } from '../../cms/languages/strings'
import { PROVIDER_NOT_NAMED } from '../../cms/directory/provider'

type Service = CollectionEntry<'services'>

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
/** Text as HTML text or an attribute value: nothing in it is markup. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)

/** A vocabulary term in the language ("domestic-abuse" → "পারিবারিক নির্যাতন"). */
export const term = (language: Language, vocabulary: 'categories' | 'audiences' | 'accessModes' | 'stepFreeAccess', key: string) =>
  (language.strings[vocabulary] as Record<string, string>)[fieldName(key)] ?? key

/**
 * Directory entries as list items in `language`, with the data attributes the in-page search and
 * filters read (components/directory.ts), like ServiceCard.astro's. `heading`: the level of each
 * entry's name.
 */
export function serviceItems(services: Service[], language: Language, heading: 2 | 3 = 2, now: Date = BUILT_AT): string {
  const t = language.strings
  const code = escapeHtml(language.code)
  const inEnglish = escapeHtml(t.languageSwitcher.inEnglish)
  const format = dateFormat(language.code)
  return services
    .map(({ data: s }) => {
      const stale = s.confirmed !== undefined && isOutOfDate(s.confirmed, now)
      const tags = [
        s.urgent ? `<li class="tag tag--urgent">${escapeHtml(t.directory.open24)}</li>` : '',
        ...s.categories.map((c) => `<li class="tag">${escapeHtml(term(language, 'categories', c))}</li>`),
        s.stepFreeAccess.status === 'yes' ? `<li class="tag">${escapeHtml(term(language, 'stepFreeAccess', 'yes'))}</li>` : '',
        s.confirmed === undefined ? `<li class="tag tag--warn">${escapeHtml(t.directory.notConfirmed)}</li>` : '',
        stale && s.confirmed
          ? `<li class="tag tag--warn">${escapeHtml(t.dates.lastChecked).replace('{date}', `<time datetime="${s.confirmed.toISOString().slice(0, 10)}">${escapeHtml(format.format(s.confirmed))}</time>`)}</li>`
          : '',
      ].join('')
      const attrs =
        `data-categories="${escapeHtml(s.categories.join(' '))}" data-audiences="${escapeHtml(s.audiences.join(' '))}" data-areas="${escapeHtml(s.areas.join(' '))}" ` +
        `data-access="${escapeHtml(s.accessModes.join(' '))}" data-step-free="${escapeHtml(s.stepFreeAccess.status)}" data-languages="${escapeHtml(s.languages.map((l) => l.toLowerCase()).join('|'))}"`
      return (
        `<li class="card${s.urgent ? ' card--urgent' : ''}" data-service ${attrs}>` +
        `<h${heading}><a href="/services/${escapeHtml(s.slug)}/" lang="en" hreflang="en">${escapeHtml(s.name)} <span lang="${code}" class="in-english">(${inEnglish})</span></a></h${heading}>` +
        `<p class="meta" lang="en">${escapeHtml(s.organisation ? (s.organisation.name ?? '') : PROVIDER_NOT_NAMED)}</p>` +
        (tags ? `<ul class="tags">${tags}</ul>` : '') +
        `</li>`
      )
    })
    .join('')
}

/** "1 service" / "12 services" in the language. */
export const countOf = (language: Language, n: number) => (n === 1 ? language.strings.directory.countOne : fill(language.strings.directory.countMany, { n }))
