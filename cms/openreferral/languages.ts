/**
 * Language names and codes for the Open Referral feed (HSDS `language`: a name and an ISO 639
 * code). The CMS keeps languages as their English names; names and codes come from the Unicode
 * CLDR data built into Node (Intl.DisplayNames), not a list of our own. CLDR does not know every
 * name UK services write, so a few are added below: its English for "bn" is "Bangla", for "tw"
 * "Akan", and it has no British Sign Language.
 */

const english = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' })

/** How UK services name a language where CLDR's English name differs, or CLDR has none. */
const UK_NAMES: Record<string, string> = { bn: 'Bengali', tw: 'Twi', bfi: 'British Sign Language' }
/** Other names people give a language, by code. */
const ALSO_CALLED: Record<string, string> = { farsi: 'fa', panjabi: 'pa', mandarin: 'zh', cantonese: 'zh', dari: 'prs' }

const LETTERS = 'abcdefghijklmnopqrstuvwxyz'
let byName: Map<string, string> | undefined

/** Lower-case English name → code: every ISO 639-1 code CLDR names (current codes only, so "Hebrew" is "he", not "iw"), and the names above. */
function names(): Map<string, string> {
  if (byName) return byName
  byName = new Map()
  for (const a of LETTERS)
    for (const b of LETTERS) {
      const code = a + b
      const name = english.of(code)
      if (name && Intl.getCanonicalLocales(code)[0] === code && !byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), code)
    }
  for (const [code, name] of Object.entries(UK_NAMES)) byName.set(name.toLowerCase(), code)
  for (const [name, code] of Object.entries(ALSO_CALLED)) byName.set(name, code)
  return byName
}

/** "Polish" → "pl"; undefined for a name we cannot place ("Klingon" has no ISO 639-1 code). */
export const languageCode = (name: string): string | undefined => names().get(name.trim().toLowerCase())

/** "pl" → "Polish", for feeds that give a code without a name; undefined for a code nobody knows. */
export function languageName(code: string): string | undefined {
  const lower = code.trim().toLowerCase()
  if (!/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/.test(lower)) return undefined
  return UK_NAMES[lower] ?? english.of(lower)
}
