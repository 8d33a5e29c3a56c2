// The site's Astro config for the benchmark's "raw Astro" floor (bench/run.ts): the same site,
// reading its content from a snapshot (bench/replay.ts) instead of the CMS (site/lib/cms.ts).
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'astro/config'
import site from '../astro.config.mjs'

const CMS = fileURLToPath(new URL('../site/lib/cms.ts', import.meta.url))
const REPLAY = fileURLToPath(new URL('./replay.ts', import.meta.url))

/** Resolves the site's imports of site/lib/cms.ts to bench/replay.ts. */
const replayContent = {
  name: 'csp-hub-bench-replay',
  enforce: 'pre',
  /** @param {string} source @param {string | undefined} importer */
  resolveId(source, importer) {
    if (!importer || !source.startsWith('.')) return null
    const target = path.resolve(path.dirname(importer.split('?')[0]), source)
    return target === CMS || `${target}.ts` === CMS ? REPLAY : null
  },
}

export default defineConfig({ ...site, vite: { ...site.vite, plugins: [...(site.vite?.plugins ?? []), replayContent] } })
