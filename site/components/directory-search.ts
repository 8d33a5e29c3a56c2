/**
 * How the directory on /support/ matches a search against its service cards, in the page: the
 * cards are already there, so a first search downloads nothing (with 10,000 entries Pagefind's
 * script, WebAssembly and index cost ~290 KB before the first result), finds every matching entry
 * rather than the top few, and works the same on every phone. A card matches when every word of
 * the query starts a word of what the card shows (name, who runs it, summary, tags), after
 * lower-casing, dropping accents and a few English endings.
 */

/** Words of a text as search compares them: lower case, no accents, letters and digits only. */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
}

const ENDINGS = ['ing', 'ed', 'es', 's', 'e']

/** A query word's stem: "house" finds "housing", "abused" finds "abuse", "services" finds "service". */
export function stem(word: string): string {
  for (const ending of ENDINGS) if (word.endsWith(ending) && word.length - ending.length >= 3) return word.slice(0, -ending.length)
  return word
}

/** The query as the stems every match must contain (duplicates dropped). */
export const queryStems = (query: string): string[] => [...new Set(words(query).map(stem))]

/** Does a card showing `cardWords` match every stem of the query? No stems: everything matches. */
export function matchesAll(cardWords: readonly string[], stems: readonly string[]): boolean {
  return stems.every((s) => cardWords.some((w) => w.startsWith(s)))
}
