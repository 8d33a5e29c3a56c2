/**
 * An admin's change to the site settings reaches every page. A site of its own: the seed content
 * plus a settings.json that changes the emergency message (with markup in it, which must be shown,
 * never run) and sets the site contact, seeded and built by the production pipeline. Every page
 * that shows the emergency notice (home, directory, directory filter pages, open 24 hours, service
 * pages, 404) shows the new message with its numbers as telephone links, and no page shows the
 * default one.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { Window } from 'happy-dom'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { throwawayEnv } from '../helpers/env'
import { pagePaths } from '../helpers/site-pages'

const DEFAULT_MESSAGE = 'If you are in danger now, call 999. If you cannot speak, call 999 and press 55 when prompted.'
const MESSAGE = 'Test notice: at risk? Ring 999 now, or 112. Not urgent? Ring 101. <b>Stay</b> & "safe".'
const CONTACT = 'web-feedback@example.org'

const env = throwawayEnv('settings')
const siteDir = path.join(env.TEST_DIR, 'dist')
const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } })
const pages = new Map<string, { html: string; doc: Document }>()

function run(args: string[]) {
  const result = spawnSync(path.resolve('node_modules/.bin/tsx'), args, { env, encoding: 'utf8', timeout: 240_000 })
  if (result.status !== 0) throw new Error(`tsx ${args.join(' ')} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`)
}

beforeAll(() => {
  // The seed content as it is, plus the settings an admin would save in the CMS.
  const content = path.join(env.TEST_DIR, 'content')
  cpSync('content', content, { recursive: true })
  writeFileSync(path.join(content, 'settings.json'), JSON.stringify({ emergencyMessage: MESSAGE, contact: { email: CONTACT } }))
  run(['scripts/seed.ts', '--from', content])
  run(['tests/helpers/build-site.ts', siteDir]) // the database is seeded already: this only builds
  for (const p of pagePaths(siteDir)) {
    const html = readFileSync(path.join(siteDir, p.endsWith('/') ? `${p}index.html` : p), 'utf8')
    pages.set(p, { html, doc: new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document })
  }
}, 300_000)

afterAll(async () => {
  await window.happyDOM.close()
  rmSync(env.TEST_DIR, { recursive: true, force: true })
})

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim()
const notice = (doc: Document) => doc.querySelector('main [data-emergency-notice]')

/** Which kind of page a path is, for the pages that show the emergency notice in their main content. */
function kind(p: string) {
  if (p === '/') return 'home'
  if (p === '/404.html') return '404'
  if (p === '/support/') return 'directory'
  if (p === '/support/open-24-hours/') return 'open 24 hours'
  if (/^\/support\/[^/]+\/$/.test(p)) return 'directory filter'
  if (/^\/services\/[^/]+\/$/.test(p)) return 'service'
  return null
}

describe('a changed emergency message', () => {
  it('built the site', () => expect(pages.size).toBeGreaterThan(30))

  it('shows no page with the default message', () => {
    const stale = [...pages].filter(([, { doc }]) => {
      const all = text(doc.body)
      return all.includes(DEFAULT_MESSAGE) || all.includes('If you are in danger now, call 999.')
    })
    expect(stale.map(([p]) => p)).toEqual([])
  })

  it('shows the new message at the foot of every page in English; a page in another language shows that language’s notice (issue 20)', () => {
    const localised = (p: string) => /^\/(bn|ur|pa|pl|ro)\//.test(p)
    const missing = [...pages].filter(([p, { doc }]) => !localised(p) && text(doc.querySelector('footer [data-emergency-notice]')) !== MESSAGE)
    expect(missing.map(([p]) => p)).toEqual([])
    const ur = JSON.parse(readFileSync(path.resolve('content/languages/ur.json'), 'utf8')).emergency.notice
    expect(text(pages.get('/ur/')!.doc.querySelector('footer [data-emergency-notice]'))).toBe(ur)
  })

  it.for(['home', 'directory', 'directory filter', 'open 24 hours', 'service', '404'])('shows it on every %s page, its numbers as telephone links', (type) => {
    const ofKind = [...pages].filter(([p]) => kind(p) === type)
    expect(ofKind.length, `no ${type} page was built`).toBeGreaterThan(0)
    for (const [p, { doc }] of ofKind) {
      const el = notice(doc)
      expect(text(el), p).toBe(MESSAGE)
      expect([...el!.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]), p).toEqual([
        ['999', 'tel:999'],
        ['112', 'tel:112'],
        ['101', 'tel:101'],
      ])
    }
  })

  it('shows markup in the message as text, never as markup', () => {
    for (const [p, { html, doc }] of pages) {
      expect(html, p).not.toContain('<b>Stay</b>')
      expect(doc.querySelector('[data-emergency-notice] b'), p).toBeNull()
    }
    expect(pages.get('/')!.html).toContain('&lt;b&gt;Stay&lt;/b&gt;')
  })
})

describe('the site contact', () => {
  it('is at the foot of the accessibility statement and the privacy notice, where they send readers', () => {
    for (const p of ['/accessibility/', '/privacy/']) {
      const { doc } = pages.get(p)!
      expect(text(doc.querySelector('main')), p).toMatch(/at the foot of every page/)
      expect(doc.querySelector(`footer a[href="mailto:${CONTACT}"]`), p).not.toBeNull()
    }
  })
})
