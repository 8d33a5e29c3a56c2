/**
 * Checks a finished build before it may go live. The CMS's access rules already keep drafts and
 * restricted items out; this is the second lock, on the output itself.
 */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'

export class SiteCheckError extends Error {
  override name = 'SiteCheckError'
}

/** Markings that say a paper is not for publication, as the partnerships' papers print them. */
const FORBIDDEN: { pattern: RegExp; marking: string }[] = [
  { pattern: /\[RESTRICTED\]/i, marking: '[RESTRICTED]' },
  { pattern: /Security:\s*\[?RESTRICTED/i, marking: 'Security: RESTRICTED' },
  { pattern: /\bCONFIDENTIAL\b/, marking: 'CONFIDENTIAL' },
]

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
    for (const { pattern, marking } of FORBIDDEN)
      if (pattern.test(text)) problems.push(`/${path.relative(folder, file)} would show text marked “${marking}”`)
  }
  if (pages === 0) problems.push('the build produced no pages')
  if (problems.length)
    throw new SiteCheckError(
      `The new site was not published, so the previous one stays live:\n  - ${problems.join('\n  - ')}\n` +
        'Take the marked text out of the published record (or keep the paper restricted) and publish again.',
    )
  return { pages }
}
