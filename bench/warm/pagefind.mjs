/**
 * node bench/warm/pagefind.mjs <live folder> [pages] — what search costs a warm publish (issue 19
 * spike, bench/warm/README.md), with Pagefind's Node API on a built site:
 *
 * - full: a new index of every searchable page (the product's glob, scripts/lib/site-build.ts
 *   searchGlob), written to disk — what the product's Pagefind step does today;
 * - warm: that same index kept open in Pagefind's service, `pages` searchable pages added again
 *   with changed text, written again to a new folder — an index kept up to date in memory. Pagefind
 *   1.6 cannot open an index it wrote, nor remove a page: the question is whether adding a page
 *   with the same URL again replaces it (page_count unchanged) and what writing costs;
 * - records: a new index from plain-text records (addCustomRecord), the issue's "index from the
 *   records you already have", with the same pages' text, written to disk.
 * Prints JSON with seconds and page counts.
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs'
import { loadavg } from 'node:os'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import * as pagefind from 'pagefind'
import { tsImport } from 'tsx/esm/api'

const live = path.resolve(process.argv[2] ?? '')
const changedCount = Number(process.argv[3] ?? 5)
if (!process.argv[2]) throw new Error('usage: node bench/warm/pagefind.mjs <live folder> [pages]')
const round = (n) => Math.round(n * 1000) / 1000
const since = (t) => round((performance.now() - t) / 1000)
const { searchGlob } = await tsImport('../../scripts/lib/site-build.ts', import.meta.url)
const glob = await searchGlob(live)
const work = path.join(path.dirname(live), 'pagefind-bench')
rmSync(work, { recursive: true, force: true })

const pageCount = (dir) => {
  const entry = JSON.parse(readFileSync(path.join(dir, 'pagefind-entry.json'), 'utf8'))
  return Object.fromEntries(Object.entries(entry.languages).map(([lang, l]) => [lang, l.page_count]))
}
const fragments = (dir) => readdirSync(path.join(dir, 'fragment')).length
/** Fragments (one a page, gzipped) holding a word: the re-added pages' new text must be in the index. */
const fragmentsWith = (dir, word) => readdirSync(path.join(dir, 'fragment')).filter((f) => gunzipSync(readFileSync(path.join(dir, 'fragment', f))).includes(word)).length

// full
let t = performance.now()
const { index } = await pagefind.createIndex({})
const added = await index.addDirectory({ path: live, glob })
const fullAddSeconds = since(t)
t = performance.now()
await index.writeFiles({ outputPath: path.join(work, 'full') })
const fullWriteSeconds = since(t)

// warm: the same index, a few searchable pages again with new text
const searchable = readdirSync(live, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name === 'index.html')
  .map((e) => path.relative(live, path.join(e.parentPath, e.name)))
  .filter((rel) => !rel.startsWith('.') && readFileSync(path.join(live, rel), 'utf8').includes('data-pagefind-body'))
  .slice(0, changedCount)
t = performance.now()
for (const rel of searchable) {
  const html = readFileSync(path.join(live, rel), 'utf8').replace('data-pagefind-body>', 'data-pagefind-body><p>warmrenderedword</p>')
  const { errors } = await index.addHTMLFile({ sourcePath: rel, content: html })
  if (errors.length) throw new Error(errors.join('\n'))
}
const warmAddSeconds = since(t)
t = performance.now()
await index.writeFiles({ outputPath: path.join(work, 'warm') })
const warmWriteSeconds = since(t)
// Pagefind names most of its files by content hash: how many are new after the re-add, and what
// building them in memory (without writing) costs — the floor of writing only what changed.
t = performance.now()
const { files: inMemory } = await index.getFiles()
const warmGetFilesSeconds = since(t)
const before = new Set(readdirSync(path.join(work, 'full'), { recursive: true }).map(String))
const newFiles = inMemory.filter((f) => !before.has(f.path)).length
await index.deleteIndex()

// records: plain text of every searchable page, as records
const pages = readdirSync(live, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.html'))
  .map((e) => path.relative(live, path.join(e.parentPath, e.name)))
  .filter((rel) => !rel.startsWith('.'))
  .map((rel) => ({ rel, html: readFileSync(path.join(live, rel), 'utf8') }))
  .filter(({ html }) => html.includes('data-pagefind-body'))
const records = pages.map(({ rel, html }) => ({
  url: '/' + rel.replace(/index\.html$/, ''),
  language: /<html lang="([a-z]+)/.exec(html)?.[1] ?? 'en',
  content: html.replace(/^[\s\S]*data-pagefind-body[^>]*>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '),
  meta: { title: /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '' },
}))
t = performance.now()
const { index: fromRecords } = await pagefind.createIndex({})
for (const record of records) await fromRecords.addCustomRecord(record)
const recordsAddSeconds = since(t)
t = performance.now()
await fromRecords.writeFiles({ outputPath: path.join(work, 'records') })
const recordsWriteSeconds = since(t)
await pagefind.close()

const result = {
  load: loadavg().map((n) => Math.round(n * 100) / 100),
  searchablePages: added.page_count,
  full: { addSeconds: fullAddSeconds, writeSeconds: fullWriteSeconds, pageCount: pageCount(path.join(work, 'full')), fragments: fragments(path.join(work, 'full')) },
  warm: { pagesAdded: searchable.length, addSeconds: warmAddSeconds, writeSeconds: warmWriteSeconds, pageCount: pageCount(path.join(work, 'warm')), fragments: fragments(path.join(work, 'warm')), fragmentsWithNewText: fragmentsWith(path.join(work, 'warm'), 'warmrenderedword'), getFilesSeconds: warmGetFilesSeconds, files: inMemory.length, filesNotInFullBundle: newFiles },
  records: { records: records.length, addSeconds: recordsAddSeconds, writeSeconds: recordsWriteSeconds, pageCount: pageCount(path.join(work, 'records')) },
}
console.log(JSON.stringify(result, null, 2))
rmSync(work, { recursive: true, force: true })
