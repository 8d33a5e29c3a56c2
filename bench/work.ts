/**
 * Where a benchmark run keeps its databases and sites. Inside the project, under
 * node_modules/.cache (git-ignored): Astro keeps its prerender chunks in <cwd>/.astro/ whenever
 * outDir lies outside the project, which two builds at once (a test run next to the benchmark)
 * would share and break; inside the project each build keeps its own. A fresh `npm install` does
 * not create node_modules/.cache, so it is made here (the benchmark once failed with ENOENT).
 */
import { mkdirSync, mkdtempSync } from 'node:fs'
import path from 'node:path'

export function benchWorkFolder(projectRoot: string): string {
  const cache = path.join(projectRoot, 'node_modules', '.cache')
  mkdirSync(cache, { recursive: true })
  return mkdtempSync(path.join(cache, 'csp-hub-bench-'))
}
