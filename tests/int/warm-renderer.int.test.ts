/**
 * The warm-renderer spike (issue 19, bench/warm/): a publish rendered by the full build's own
 * renderer, kept running with its content store, must leave the live folder exactly as a full
 * `astro build` of the same content makes it — every file, byte for byte (HTML with its CSP meta
 * and hashes, asset names, hreflang, Pagefind attributes, the open-data file, the sitemap). The
 * bench's corpus at N=50 is seeded into a throwaway CMS and snapshotted (bench/warm/prepare.ts);
 * the spike (bench/warm/spike.mjs) starts the renderer on it, publishes two renames of one
 * directory entry, then builds the final content in full in a fresh process and compares.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { benchWorkFolder } from '../../bench/work'
import { projectRoot, withProjectBin } from '../../scripts/lib/env'

type Result = {
  publishSeconds: number[]
  changedFilesLastPublish: string[]
  byteIdentity: { files: number; identical: number; differ: string[]; onlyLive: string[]; onlyFull: string[] }
}
let dir: string
let result: Result

beforeAll(() => {
  dir = benchWorkFolder(projectRoot)
  const env = { ...process.env, PATH: withProjectBin(process.env.PATH), WARM_SPIKE_PUBLISH_FLOOR: '0' }
  execFileSync(path.join(projectRoot, 'node_modules/.bin/tsx'), ['bench/warm/prepare.ts', dir, '50'], { cwd: projectRoot, env, stdio: 'ignore' })
  execFileSync(process.execPath, ['bench/warm/spike.mjs', dir, '2'], { cwd: projectRoot, env, stdio: 'ignore' })
  result = JSON.parse(readFileSync(path.join(dir, 'warm-result.json'), 'utf8')) as Result
}, 600_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('a publish rendered by the warm renderer', () => {
  it('leaves the live folder byte for byte as a full build of the same content', () => {
    const { byteIdentity } = result
    expect({ differ: byteIdentity.differ, onlyLive: byteIdentity.onlyLive, onlyFull: byteIdentity.onlyFull }).toEqual({ differ: [], onlyLive: [], onlyFull: [] })
    expect(byteIdentity.identical).toBe(byteIdentity.files)
    expect(byteIdentity.files).toBeGreaterThan(280)
  })

  it('changed the edited entry, the directory and the filter pages that list it, and nothing unrelated', () => {
    const changed = result.changedFilesLastPublish
    expect(changed).toContain('services/example-service-00001/index.html')
    expect(changed).toContain('support/index.html')
    expect(changed).toContain('open-data/services.json')
    expect(changed.some((f) => /^support\/[^/]+\/index\.html$/.test(f))).toBe(true)
    expect(changed.some((f) => f.startsWith('services/') && f !== 'services/example-service-00001/index.html')).toBe(false)
    expect(readFileSync(path.join(dir, 'live', 'services', 'example-service-00001', 'index.html'), 'utf8')).toContain('(edited 2)')
  })
})
