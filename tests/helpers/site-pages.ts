/** The built site's pages, as files and as URLs, for browser tests that visit every page. */
import { readdirSync } from 'node:fs'
import path from 'node:path'

export function filesIn(dir: string, filter: (file: string) => boolean = () => true): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) out.push(...filesIn(full, filter))
    else if (filter(full)) out.push(full)
  }
  return out.sort()
}

/** Every built HTML page as a site path: "/", "/support/", "/404.html". */
export function pagePaths(siteDir: string): string[] {
  return filesIn(siteDir, (f) => f.endsWith('.html')).map((file) => {
    const rel = '/' + path.relative(siteDir, file).split(path.sep).join('/')
    return rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel
  })
}
