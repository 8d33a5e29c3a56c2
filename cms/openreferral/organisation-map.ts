/**
 * The organisation mapping the person importing gives: which of our organisations a feed
 * organization is, by the feed's organization id. The import never matches organisations by name,
 * so this (or a matching id) is the only way to put imported entries under an existing organisation.
 * Given as repeated `--map-organisation <feed organisation id>=<our organisation slug>` and/or a JSON
 * file `{ "<feed organisation id>": "<our organisation slug>" }` (`--organisation-map <file>`).
 */
import { readFileSync } from 'node:fs'
import { isSlug } from '../rules'

export class MappingError extends Error {
  override name = 'MappingError'
}

/** Feed organization id → our slug; throws a MappingError saying what is wrong. Pairs win over the file. */
export function organisationMap({ pairs = [], file }: { pairs?: string[]; file?: string }): Record<string, string> {
  const map: Record<string, string> = {}
  const add = (feedId: string, slug: string, from: string) => {
    if (!feedId.trim() || !isSlug(slug.trim())) throw new MappingError(`${from}: the organisation slug must be lower-case words joined by hyphens, like "refuge"; got "${slug}".`)
    map[feedId.trim()] = slug.trim()
  }
  if (file) {
    let parsed: unknown
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'))
    } catch (error) {
      throw new MappingError(`Could not read the organisation map ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new MappingError(`The organisation map ${file} must be a JSON object: { "<feed organisation id>": "<our organisation slug>" }.`)
    }
    for (const [feedId, slug] of Object.entries(parsed)) {
      if (typeof slug !== 'string') throw new MappingError(`The organisation map ${file}: "${feedId}" must map to a slug (a string).`)
      add(feedId, slug, `The organisation map ${file}, "${feedId}"`)
    }
  }
  for (const pair of pairs) {
    const at = pair.indexOf('=')
    if (at <= 0 || at === pair.length - 1) throw new MappingError(`--map-organisation must be <feed organisation id>=<our organisation slug>; got "${pair}".`)
    add(pair.slice(0, at), pair.slice(at + 1), `--map-organisation ${pair}`)
  }
  return map
}
