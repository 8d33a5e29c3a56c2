import { describe, expect, it } from 'vitest'
import { writeTree } from '../tests/helpers/files'
import { checkBuiltSite, SiteCheckError } from './checks'

const site = (files: Record<string, string>) => writeTree(files, 'checks-')


describe('checkBuiltSite', () => {
  it('counts the pages of a clean build', async () => {
    expect(await checkBuiltSite(site({ 'index.html': '<p>Find support</p>', 'news/a/index.html': '<p>confidential advice</p>' }))).toEqual({ pages: 2 })
  })

  it('refuses a build that would show a restricted or confidential marking, naming the page', async () => {
    const error = await checkBuiltSite(
      site({ 'index.html': 'ok', 'news/a/index.html': 'Security: [RESTRICTED] paper', 'sitemap.xml': 'CONFIDENTIAL' }),
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SiteCheckError)
    expect((error as Error).message).toContain('/news/a/index.html would show text marked “[RESTRICTED]”')
    expect((error as Error).message).toContain('/sitemap.xml would show text marked “CONFIDENTIAL”')
    expect((error as Error).message).toContain('previous one stays live')
  })

  it('refuses an empty build', async () => {
    await expect(checkBuiltSite(site({ 'robots.txt': '' }))).rejects.toThrow(/no pages/)
    // A part of a build (a changed-pages build's first pages) may be a feed only; its text is still checked.
    expect(await checkBuiltSite(site({ 'news/rss.xml': '<title>News</title>' }), { allowNoPages: true })).toEqual({ pages: 0 })
    await expect(checkBuiltSite(site({ 'news/rss.xml': 'Security: [RESTRICTED] paper' }), { allowNoPages: true })).rejects.toThrow(/marked/)
  })
})

describe('checkBuiltSite: a review’s redaction terms (issue 21)', () => {
  const secret = { owner: 'reviews “Adult T” (id 1)', text: 'Zephyrine Quillfeather', kind: 'term' as const, within: ['reviews/', 'strategies/'] }

  it('refuses a build whose review pages show a term, whatever its case, spacing or markup, naming the page', async () => {
    const error = await checkBuiltSite(site({ 'index.html': 'ok', 'reviews/adult-t/index.html': '<p>met <strong>ZEPHYRINE</strong>\n  quillfeather’s sister</p>' }), { secrets: [secret] }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SiteCheckError)
    expect((error as Error).message).toContain('/reviews/adult-t/index.html would show a term reviews “Adult T” (id 1) lists as never to be published')
    expect((error as Error).message).not.toContain('Quillfeather')
  })

  it('matches whole words only, and only where review text is shown', async () => {
    const files = { 'index.html': 'Zephyrine Quillfeather', 'reviews/a/index.html': '<p>Zephyrine Quillfeathers</p>' }
    expect(await checkBuiltSite(site(files), { secrets: [secret] })).toEqual({ pages: 2 })
  })
})
