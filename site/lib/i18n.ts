/**
 * Languages on the public site (issue 20). English is always on; another language is live when
 * an admin has switched it on (site settings) and its strings are complete (the `languages`
 * content collection holds only languages that passed site/schemas/language.ts).
 *
 * Phase A translates the interface only. The hub pages have a copy per language under /<code>/
 * (HUB_PAGES); every document (a service, a news story, a strategy…) exists in English only, and a
 * localised page links to it marked lang="en" with "in English" in the visitor's language.
 * Nothing is machine-translated, nothing leaves the build, and nothing is stored in the browser.
 */
import { getCollection } from 'astro:content'
import english from '../../content/languages/en.json'
import { fill, LANGUAGES, type LanguageCode, type UiStrings } from '../../cms/languages/strings'
import { languageSchema, type SiteLanguage, type SiteSettings } from '../schemas'
import { perBuild } from './per-build'

export type Language = SiteLanguage & {
  /** The content-layer digest of its strings: a page key input (site/lib/incremental.ts). */
  digest: string
}

/** The English shipped with the code: when the CMS has no English document (a preview, an old backup). */
const BUNDLED_ENGLISH: Language = { ...languageSchema.parse(english), digest: 'bundled' }

const ORDER = LANGUAGES.map((l) => l.code) as string[]

/** The languages in the content store, read once per build. */
const storedLanguages = perBuild(async (): Promise<Map<string, Language>> => {
    try {
      const entries = await getCollection('languages')
      return new Map(entries.map((e) => [e.data.code, { ...e.data, digest: String(e.digest ?? JSON.stringify(e.data)) }]))
    } catch {
      // A preview renders outside the content store (site-preview/): English only.
      return new Map<string, Language>()
    }
})

/** The live languages, English first, then in the order of cms/languages/strings.ts. */
export async function liveLanguages(settings: Pick<SiteSettings, 'languages'>): Promise<Language[]> {
  const all = await storedLanguages()
  const on = new Set<string>(['en', ...settings.languages])
  const live = [...all.values()].filter((l) => on.has(l.code))
  if (!live.some((l) => l.code === 'en')) live.push(BUNDLED_ENGLISH)
  return live.sort((a, b) => ORDER.indexOf(a.code) - ORDER.indexOf(b.code))
}

/**
 * The live languages as a preview shows them (site-preview/ renders outside the content store, so
 * it cannot read the strings): the switched-on languages with their names as shipped. A preview is
 * of an English document, so only the switcher uses them.
 */
export function previewLanguages(settings: Pick<SiteSettings, 'languages'>): Language[] {
  const on = new Set<string>(['en', ...settings.languages])
  return LANGUAGES.filter((l) => on.has(l.code)).map((l) => ({ code: l.code, endonym: l.endonym, direction: l.dir, strings: BUNDLED_ENGLISH.strings, digest: 'preview' }))
}

/** The languages other than English that get pages, for getStaticPaths. */
export async function localisedLanguages(settings: Pick<SiteSettings, 'languages'>): Promise<Language[]> {
  return (await liveLanguages(settings)).filter((l) => l.code !== 'en')
}

/** One language by code (English when it is not live). */
export async function languageOf(code: string, settings: Pick<SiteSettings, 'languages'>): Promise<Language> {
  const live = await liveLanguages(settings)
  return live.find((l) => l.code === code) ?? live.find((l) => l.code === 'en')!
}

/** What the switcher and hreflang links show on every page: a page key input for all pages. */
export const switcherInput = (languages: Language[]) => languages.map((l) => `${l.code}:${l.endonym}:${l.direction}`).join('|')

/** English paths that have a copy in each live language. */
export function isHubPath(path: string): boolean {
  return path === '/' || path === '/support/' || path === '/stay-safe-online/' || path === '/news/' || /^\/support\/[a-z0-9-]+\/$/.test(path)
}

/** The English path of a page, from its own path (/bn/support/ → /support/). */
export function englishPath(path: string): string {
  const match = /^\/([a-z]{2})(\/.*)$/.exec(path)
  return match && ORDER.includes(match[1]!) && match[1] !== 'en' ? match[2]! : path
}

/** A path in a language: /support/ in Bengali is /bn/support/. */
export const inLanguage = (code: LanguageCode | string, path: string) => (code === 'en' ? path : `/${code}${path}`)

/** Where the switcher sends a visitor: the same page where it has a copy in that language, else that language's home page. */
export const switchTarget = (code: string, englishOfPage: string) => inLanguage(code, isHubPath(englishOfPage) ? englishOfPage : '/')

/** "{n} services" filled in; see cms/languages/strings.ts. */
export { fill }

/** Long dates in the language ("24 November 2020", "24 listopada 2020"), Western digits for every locale. */
export function dateFormat(code: string) {
  return new Intl.DateTimeFormat(code === 'en' ? 'en-GB' : `${code}-GB-u-nu-latn`, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
}

export type { UiStrings }
