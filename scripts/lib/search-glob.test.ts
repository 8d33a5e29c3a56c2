import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { searchGlob } from './site-build'

describe('searchGlob: what Pagefind reads', () => {
  it('skips the directory listings in English and in every language folder, and reads the rest', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'csp-hub-glob-'))
    for (const dir of ['news/a', 'support/housing', 'services/x', 'bn/support/housing', 'bn/stay-safe-online', 'ur', 'partnerships/p']) mkdirSync(path.join(root, dir), { recursive: true })
    writeFileSync(path.join(root, 'index.html'), '')
    const glob = await searchGlob(root)
    const parts = glob.slice(1, -1).split(',').sort()
    expect(parts).toEqual(['*.html', 'bn/*.html', 'bn/stay-safe-online/**/*.html', 'news/**/*.html', 'partnerships/**/*.html', 'ur/*.html'].sort())
  })
})
