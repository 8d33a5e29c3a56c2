/**
 * Checks a finished build before it may go live. The CMS's access rules already keep drafts and
 * restricted items out; this is the second lock, on the output itself.
 */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'

export class SiteCheckError extends Error {
  override name = 'SiteCheckError'
}

/** Words that mark a paper as not for publication in the seed documents and the CMS. */
const FORBIDDEN = [/\[RESTRICTED\]/i, /\bCONFIDENTIAL\b/, /Security:\s*\[?RESTRICTED/i]

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* files(full)
    else yield full
  }
}

/** Resolves with the number of HTML pages, or throws SiteCheckError naming every problem. */
export async function checkBuiltSite(folder: string): Promise<{ pages: number }> {
  const problems: string[] = []
  let pages = 0
  for await (const file of files(folder)) {
    if (!/\.(html|xml|json)$/.test(file)) continue
    if (file.endsWith('.html')) pages++
    const text = await readFile(file, 'utf8')
    for (const pattern of FORBIDDEN) if (pattern.test(text)) problems.push(`${path.relative(folder, file)} contains ${pattern}`)
  }
  if (pages === 0) problems.push('the build produced no pages')
  if (problems.length) throw new SiteCheckError(`The new site was not published:\n  - ${problems.join('\n  - ')}`)
  return { pages }
}
