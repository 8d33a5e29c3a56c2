/**
 * The "raw Astro" floor's stand-in for the CMS (bench/astro.config.mjs puts it in place of
 * site/lib/cms.ts): every read the site makes is answered from the JSON snapshot named by
 * BENCH_SNAPSHOT, so `astro build` renders the same pages through the same zod schemas with no
 * CMS at all. The snapshot maps callKey(method, args) to what Payload returned for that read
 * (bench/snapshot.ts records it through the Local API as an anonymous visitor). A read missing
 * from it is an error, never a silent fallback to the CMS.
 */
import { readFileSync } from 'node:fs'
import type { Payload } from 'payload'

export const callKey = (method: 'find' | 'findGlobal', args: object) => `${method}:${JSON.stringify(args)}`

let replayed: Payload | undefined

export async function cms(): Promise<Payload> {
  return (replayed ??= replay(process.env.BENCH_SNAPSHOT))
}

function replay(file: string | undefined): Payload {
  if (!file) throw new Error('BENCH_SNAPSHOT must name the snapshot written by bench/snapshot.ts')
  const snapshot = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
  const answer = (method: 'find' | 'findGlobal') => async (args: object) => {
    const key = callKey(method, args)
    if (!(key in snapshot)) throw new Error(`BENCH_SNAPSHOT ${file} has no answer for ${key}`)
    return snapshot[key]
  }
  return { find: answer('find'), findGlobal: answer('findGlobal') } as unknown as Payload
}
