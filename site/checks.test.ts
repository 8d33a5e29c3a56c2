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
  })
})
