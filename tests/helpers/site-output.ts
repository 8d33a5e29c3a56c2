/**
 * What a running product built, for tests that publish something and then look for it (or for its
 * absence) everywhere: every file of the site folder, and the site builds a change caused.
 */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { until } from './product'
import type { restClient, Session } from './rest'

/** Every built file's text, by path under `dist`; the Pagefind index's files are gzip, so they are read unzipped. */
export async function builtFiles(dist: string): Promise<Map<string, string>> {
  const files = new Map<string, string>()
  for (const entry of await readdir(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    let bytes = await readFile(file)
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes)
    files.set(path.relative(dist, file), bytes.toString('utf8'))
  }
  return files
}

/** The built files (paths under `dist`) whose text contains `text`. */
export const filesWith = async (dist: string, text: string) => [...(await builtFiles(dist))].filter(([, body]) => body.includes(text)).map(([name]) => name)

export type Build = { id: number; status: string }

/** Runs `change` as `admin`'s test, then waits for the site build it causes to finish and returns it (its status says whether it succeeded). */
export async function rebuiltAfter(api: ReturnType<typeof restClient>, admin: Session, change: () => Promise<unknown>): Promise<Build> {
  const builds = async () => (await api.call(admin, 'GET', '/site-builds?limit=200&sort=-startedAt&depth=0')).json.docs as Build[]
  const before = new Set((await builds()).map((b) => b.id))
  await change()
  return until('a site build after the change to finish', async () => (await builds()).find((b) => !before.has(b.id) && b.status !== 'running'), 180_000, 300)
}
