/**
 * Every built page is valid HTML by the W3C Nu checker (vnu-jar), all pages in one Java process.
 * /support/ once had its directory script written after </html>, where the checker stops with a
 * fatal error ("Stray start tag script"); browsers recover, checkers and some assistive tools do not.
 */
import { expect, inject, it } from 'vitest'
import { filesIn } from '../helpers/site-pages'
import { checkHtml } from '../helpers/vnu'

const siteDir = inject('siteDir')

it('every built page passes the Nu HTML checker with no error', async () => {
  const pages = filesIn(siteDir, (f) => f.endsWith('.html'))
  expect(pages.length).toBeGreaterThan(30)
  const errors = await checkHtml(pages)
  const readable = errors.map((e) => `${e.file.slice(siteDir.length) || e.file}:${e.line ?? '?'}: ${e.message}${e.extract ? `\n    ${e.extract.replace(/\n/g, ' ').slice(0, 160)}` : ''}`)
  expect(readable.join('\n')).toBe('')
}, 180_000)
