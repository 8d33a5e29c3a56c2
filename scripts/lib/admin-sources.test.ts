/**
 * The admin build is redone when anything in cms/ changes (scripts/lib/admin-build.ts hashes that
 * folder and the few helpers it names), so what the admin bundle runs must live there, and what it
 * does not run should not: the
 * preview's server side (loading drafts, serving /preview/) is in scripts/lib/preview/, so editing
 * it does not cost a 25-s admin rebuild — and the site's schemas, which it imports, stay out of the
 * admin bundle, where a site change would not have rebuilt them.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { OUTSIDE_CMS } from './admin-build'
import { projectRoot } from './env'

const CMS = path.join(projectRoot, 'cms')

/** Relative imports a file runs (type-only imports are erased, so they are not followed). */
function runtimeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8')
  const found: string[] = []
  for (const m of source.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[\s\S]*?\s+from\s+)?'(\.[^']+)'/gm)) if (!m[1]) found.push(m[2]!)
  for (const m of source.matchAll(/\bimport\(\s*'(\.[^']+)'\s*\)/g)) found.push(m[1]!)
  return found.map((spec) => resolve(path.resolve(path.dirname(file), spec))).filter((f): f is string => Boolean(f))
}

function resolve(base: string): string | null {
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}.js`, `${base}.mjs`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate
  return null
}

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]))

/** Everything the admin (Next app in cms/app, Payload's config and its import map) reaches at run time. */
function adminSources(): Set<string> {
  const todo = [path.join(CMS, 'payload.config.ts'), ...filesUnder(path.join(CMS, 'app')).filter((f) => /\.(tsx?|js)$/.test(f))]
  const seen = new Set<string>()
  while (todo.length) {
    const file = todo.pop()!
    if (seen.has(file)) continue
    seen.add(file)
    if (/\.(tsx?|m?js)$/.test(file)) todo.push(...runtimeImports(file))
  }
  return seen
}

describe('the admin bundle', () => {
  const sources = [...adminSources()].map((f) => path.relative(projectRoot, f))

  it('does not run the preview’s server side, nor the site’s code', () => {
    expect(sources).toContain('cms/preview/collections.ts') // the walk does reach the preview's shared part
    expect(sources.filter((f) => f.startsWith('scripts/lib/preview/') || f.startsWith('site/') || f.startsWith('site-preview/'))).toEqual([])
  })

  it('runs nothing from outside cms/ but the helpers its hash includes', () => {
    // node_modules is covered by package-lock.json, which the hash includes too.
    expect(sources.filter((f) => !f.startsWith('cms/') && !f.startsWith('node_modules/')).sort()).toEqual([...OUTSIDE_CMS].sort())
  })
})
