import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { sourceHash } from './admin-build'

describe('the admin build fingerprint', () => {
  const folder = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'admin-hash-'))
    mkdirSync(path.join(dir, 'collections'))
    writeFileSync(path.join(dir, 'collections', 'news.ts'), 'export const News = {}\n')
    return dir
  }

  it('ignores what `next build` writes itself, so a fresh clone does not rebuild under a running CMS', async () => {
    const dir = folder()
    const before = await sourceHash(dir)
    writeFileSync(path.join(dir, 'next-env.d.ts'), '/// <reference types="next" />\n')
    mkdirSync(path.join(dir, '.next', 'server'), { recursive: true })
    writeFileSync(path.join(dir, '.next', 'server', 'page.js'), 'built')
    mkdirSync(path.join(dir, '.next-build.lock'))
    expect(await sourceHash(dir)).toBe(before)
  })

  it('changes when a source file changes', async () => {
    const dir = folder()
    const before = await sourceHash(dir)
    writeFileSync(path.join(dir, 'collections', 'news.ts'), 'export const News = { slug: "news" }\n')
    expect(await sourceHash(dir)).not.toBe(before)
  })
})
