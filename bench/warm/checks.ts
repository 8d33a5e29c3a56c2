/**
 * tsx bench/warm/checks.ts <spike dir> — what the output checks (site/checks.ts, run on a publish's
 * pages before any is moved in) would add to a warm publish: checkBuiltSite over a copy of the
 * files the spike's last publish changed (warm-result.json changedFilesLastPublish), timed.
 * No secrets: the bench's corpus has no confidential location and no review.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { loadavg } from 'node:os'
import path from 'node:path'
import { checkBuiltSite } from '../../site/checks'

const dir = path.resolve(process.argv[2] ?? '')
const { changedFilesLastPublish: changed } = JSON.parse(readFileSync(path.join(dir, 'warm-result.json'), 'utf8')) as { changedFilesLastPublish: string[] }
const folder = mkdtempSync(path.join(dir, 'checks-'))
let bytes = 0
for (const file of changed) {
  mkdirSync(path.dirname(path.join(folder, file)), { recursive: true })
  cpSync(path.join(dir, 'live', file), path.join(folder, file))
  bytes += statSync(path.join(folder, file)).size
}
const started = performance.now()
const { pages } = await checkBuiltSite(folder)
const seconds = (performance.now() - started) / 1000
rmSync(folder, { recursive: true, force: true })
console.log(JSON.stringify({ files: changed.length, pages, mb: Math.round(bytes / 1e5) / 10, seconds: Math.round(seconds * 1000) / 1000, load: loadavg().map((n) => Math.round(n * 100) / 100) }))
