/**
 * Checks a finished build before it may go live. The CMS's access rules already keep drafts and
 * restricted items out; this is the second lock, on the output itself.
 */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { containsTerm } from '../cms/reviews/rules'

export class SiteCheckError extends Error {
  override name = 'SiteCheckError'
}

/** Markings that say a paper is not for publication, as the partnerships' papers print them. */
const FORBIDDEN: { pattern: RegExp; marking: string }[] = [
  { pattern: /\[RESTRICTED\]/i, marking: '[RESTRICTED]' },
  { pattern: /Security:\s*\[?RESTRICTED/i, marking: 'Security: RESTRICTED' },
  { pattern: /\bCONFIDENTIAL\b/, marking: 'CONFIDENTIAL' },
]

/** Files read at once by the checks. */
const READS_IN_FLIGHT = 8

async function* files(dir: string, root = dir): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    // The search index is made from the pages checked here (and is written while they are read).
    if (entry.isDirectory() && !(dir === root && entry.name === 'pagefind')) yield* files(full, root)
    else if (entry.isFile()) yield full
  }
}

/** A secret the output must never contain, e.g. a refuge's stored address, and whose it is. */
export type Secret = {
  owner: string
  text: string
  /**
   * 'address' (the default): any telltale part of it (a line with a number or a postcode) is found;
   * 'term': the whole term, as words, case and punctuation ignored (a review's redaction terms).
   */
  kind?: 'address' | 'term'
  /** Only files under these folders of the site are searched for it (all of them when absent). */
  within?: string[]
}

const squash = (text: string) => text.toLowerCase().replace(/&[a-z]+;|&#\d+;/g, ' ').replace(/[\s,.]+/g, ' ').trim()

/**
 * The parts of an address that would give it away: each line or comma-separated part with a digit
 * in it (a house number, a postcode). A town name alone is on many pages and gives nothing away.
 */
export function telltaleParts(address: string): string[] {
  return address
    .split(/[\n,]+/)
    .map(squash)
    .filter((part) => /\d/.test(part) && part.length >= 5)
}

/** Resolves with the number of HTML pages, or throws SiteCheckError naming every problem. */
/**
 * `allowNoPages`: for a part of a build (a changed-pages build's first pages, which may be a feed
 * only); a whole build with no page is always a problem.
 */
export async function checkBuiltSite(folder: string, { secrets = [] as Secret[], allowNoPages = false } = {}): Promise<{ pages: number }> {
  const parts = secrets.filter((s) => s.kind !== 'term').flatMap((s) => telltaleParts(s.text).map((part) => ({ owner: s.owner, part })))
  const terms = secrets.filter((s) => s.kind === 'term')
  const checked: string[] = []
  for await (const file of files(folder)) if (/\.(html|xml|json|txt)$/.test(file)) checked.push(file)
  const pages = checked.filter((file) => file.endsWith('.html')).length
  /** Each file's problems, in the order of the files (so the message does not depend on timing). */
  const found: string[][] = checked.map(() => [])
  const check = async (i: number) => {
    const file = checked[i]!
    const problems = found[i]!
    const text = await readFile(file, 'utf8')
    for (const { pattern, marking } of FORBIDDEN)
      if (pattern.test(text)) problems.push(`/${path.relative(folder, file)} would show text marked “${marking}”`)
    if (parts.length) {
      const squashed = squash(text.replace(/<[^>]+>/g, ' '))
      for (const { owner, part } of parts)
        if (squashed.includes(part)) problems.push(`/${path.relative(folder, file)} would show part of the address of ${owner}, a confidential location`)
    }
    if (terms.length) {
      const rel = path.relative(folder, file).split(path.sep).join('/')
      const plain = text.replace(/<[^>]+>/g, ' ')
      for (const { owner, text: term, within } of terms)
        if ((!within || within.some((dir) => rel.startsWith(dir))) && containsTerm(plain, term))
          problems.push(`/${rel} would show a term ${owner} lists as never to be published (a redaction term)`)
    }
  }
  // Several files read at once: at 12,000 pages the checks waited on one read at a time (5.3 s;
  // 2.1 s with eight in flight), and a full build waits for them after Pagefind.
  let next = 0
  await Promise.all(Array.from({ length: READS_IN_FLIGHT }, async () => {
    while (next < checked.length) await check(next++)
  }))
  const problems = found.flat()
  if (pages === 0 && !allowNoPages) problems.push('the build produced no pages')
  if (problems.length)
    throw new SiteCheckError(
      `The new site was not published, so the previous one stays live:\n  - ${problems.join('\n  - ')}\n` +
        'Take the marked text out of the published record (or keep the paper restricted) and publish again.',
    )
  return { pages }
}
