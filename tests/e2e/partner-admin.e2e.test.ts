/**
 * What a partner's admin screens promise (issue 16): every partner save becomes a draft awaiting
 * review (cms/review/hooks.ts), so their forms offer "Submit for review", never "Publish" or "Save
 * draft", and no raw API view; editors keep Payload's own buttons and the API tab (a guard: it
 * passed before the change too, and caught a first attempt that broke the editor's form). Then a
 * partner updates an entry and submits it for review with the keyboard alone. In Chromium,
 * against the running CMS, on an organisation and entry of the test's own.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium } from '../helpers/chromium'
import { PASSWORD, restClient, type Session } from '../helpers/rest'
import { renderField } from '../helpers/admin-form'

const cms = inject('cmsUrl')
const { call, login, admin } = restClient(cms)
const stamp = Date.now()
const partnerEmail = `partner-admin-${stamp}@example.org`
const editorEmail = `partner-admin-editor-${stamp}@example.org`
const ORIGINAL = 'Advice and support for survivors, by phone and in person.'

let browser: Browser
let root: Session
let editor: Session
let partner: Session
let org: { id: number }
let entry: { id: number; name: string }
const users: number[] = []

beforeAll(async () => {
  browser = await launchChromium()
  root = await admin()
  const madeOrg = await call(root, 'POST', '/organisations', { name: `Partner admin test organisation ${stamp}`, type: 'charity', _status: 'published' })
  expect(madeOrg.status, JSON.stringify(madeOrg.json)).toBe(201)
  org = madeOrg.json.doc
  const madeEntry = await call(root, 'POST', '/services', {
    name: `Partner admin test service ${stamp}`, organisation: org.id, description: ORIGINAL,
    categories: ['domestic-abuse'], audiences: ['everyone'], areas: ['newham'], _status: 'published',
  })
  expect(madeEntry.status, JSON.stringify(madeEntry.json)).toBe(201)
  entry = madeEntry.json.doc
  for (const [role, email, organisation] of [['partner', partnerEmail, org.id], ['editor', editorEmail, undefined]] as const) {
    const made = await call(root, 'POST', '/users', { name: `Test ${role}`, email, password: PASSWORD, role, organisation })
    expect(made.status, JSON.stringify(made.json)).toBe(201)
    users.push(made.json.doc.id)
  }
  partner = await login(partnerEmail, PASSWORD)
  editor = await login(editorEmail, PASSWORD)
})

afterAll(async () => {
  await browser?.close()
  if (entry) await call(root, 'DELETE', `/services/${entry.id}`)
  for (const id of users) await call(root, 'DELETE', `/users/${id}`)
  if (org) await call(root, 'DELETE', `/organisations/${org.id}`)
})

/** A browser signed in with a REST session's token, as the admin's own cookie. */
async function signedIn(session: Session, viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport })
  await context.addCookies([{ name: 'payload-token', value: session.token!, url: cms }])
  return { context, page: await context.newPage() }
}

/** An edit form, once its document controls are on screen. */
async function openEdit(page: Page, path: string) {
  await page.goto(`${cms}/admin/collections/${path}`)
  await page.locator('.doc-controls__controls').waitFor()
  await page.locator('#field-name').waitFor()
}

const buttonNames = (page: Page) =>
  page.locator('.doc-controls button, .doc-controls [role="button"]').evaluateAll((buttons) => buttons.map((b) => (b.textContent ?? '').trim()).filter(Boolean))

describe('the buttons on a partner’s forms say what happens', () => {
  it('a partner is offered "Submit for review", never Publish or Save draft, and no API tab or view', async () => {
    const { context, page } = await signedIn(partner)
    for (const path of [`services/${entry.id}`, `organisations/${org.id}`]) {
      await openEdit(page, path)
      const names = await buttonNames(page)
      expect(await page.getByRole('button', { name: 'Submit for review', exact: true }).count(), `${path}: ${names.join(' | ')}`).toBe(1)
      expect(await page.getByRole('button', { name: /publish/i }).count(), `${path}: ${names.join(' | ')}`).toBe(0)
      expect(await page.getByRole('button', { name: /save draft/i }).count(), `${path}: ${names.join(' | ')}`).toBe(0)
      expect(await page.locator('.doc-tabs').getByRole('link', { name: 'API', exact: true }).count(), `${path}: API tab`).toBe(0)
      // Whether the source names the provider is the comms team's question, never a partner's.
      expect(await page.getByText('Provider not named in the source', { exact: true }).count(), `${path}: provider checkbox`).toBe(0)
      // Nor in the ⋮ menu where Payload puts Unpublish (shown where the partner may create entries).
      if (await page.locator('.doc-controls__popup').count()) {
        await page.locator('.doc-controls__popup .popup-button').click()
        await page.getByRole('button', { name: /duplicate/i }).waitFor()
        expect(await page.getByRole('button', { name: /publish/i }).count(), `${path}: ⋮ menu`).toBe(0)
      }

      // Typed in directly, the API view is not served: back to the form, with no raw JSON.
      await page.goto(`${cms}/admin/collections/${path}/api`)
      await page.waitForLoadState('networkidle')
      expect(new URL(page.url()).pathname, `${path}/api`).not.toMatch(/\/api$/)
      expect(await page.locator('.query-inspector').count(), `${path}/api shows the API view`).toBe(0)
    }
    await context.close()
  })

  it('a partner reads the review trail of their entry but is not offered to change it', async () => {
    expect((await call(partner, 'PATCH', `/services/${entry.id}?draft=true`, { openingHours: `Weekdays ${stamp}` })).status).toBe(200)
    const { context, page } = await signedIn(partner)
    await openEdit(page, `services/${entry.id}`)
    // Payload renders a field only once it nears the viewport, and the sidebar scrolls on its own
    // (one scroll to the review group, then a wait for its note, timed out at load 10).
    await renderField(page, '#field-review__note')
    const note = page.locator('#field-review__note')
    await note.scrollIntoViewIfNeeded()
    await expect.poll(() => page.locator('#field-review__state').textContent()).toContain('Awaiting review')
    // The server keeps the state and the editors' note whatever a partner sends (review/hooks.ts).
    expect(await note.isEditable(), 'note to the partner is editable').toBe(false)
    expect(await page.locator('#field-review__state input').isEditable(), 'review state is editable').toBe(false)
    await context.close()
  })

  it('an editor on the same form keeps Payload’s Publish changes and Save draft, and the API tab', async () => {
    const { context, page } = await signedIn(editor)
    await openEdit(page, `services/${entry.id}`)
    expect(await page.getByRole('button', { name: 'Publish changes', exact: true }).count(), (await buttonNames(page)).join(' | ')).toBe(1)
    expect(await page.getByRole('button', { name: /^save draft$/i }).count()).toBe(1)
    expect(await page.getByRole('button', { name: /submit for review/i }).count()).toBe(0)
    expect(await page.getByText('Provider not named in the source', { exact: true }).count()).toBe(1)
    await page.locator('.doc-controls__popup .popup-button').click()
    await page.getByRole('button', { name: 'Unpublish', exact: true }).waitFor()
    const apiTab = page.locator('.doc-tabs').getByRole('link', { name: 'API', exact: true })
    expect(await apiTab.count()).toBe(1)
    await Promise.all([page.waitForURL(/\/api$/), apiTab.click()])
    await page.locator('.query-inspector').waitFor()
    await context.close()
  })
})

/** The focused element, as a keyboard user meets it. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    return { tag: el?.tagName.toLowerCase() ?? '', id: el?.id ?? '', label: el?.getAttribute('aria-label') || (el?.textContent ?? '').trim() }
  })

/** Presses Tab (or Shift+Tab) until the focused element matches. */
async function tabTo(page: Page, match: (f: Awaited<ReturnType<typeof focused>>) => boolean, { backwards = false, limit = 120 } = {}) {
  for (let i = 1; i <= limit; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
    if (match(await focused(page))) return i
  }
  throw new Error(`Nothing matching was reached in ${limit} ${backwards ? 'Shift+' : ''}Tab presses on ${page.url()}: last ${JSON.stringify(await focused(page))}`)
}

describe('keyboard only', () => {
  it('a partner signs in, opens their entry from the list, changes it and submits it for review', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await page.goto(`${cms}/admin/login`)
    await page.locator('#field-email').waitFor()

    await tabTo(page, (f) => f.id === 'field-email')
    await page.keyboard.type(partnerEmail)
    await tabTo(page, (f) => f.id === 'field-password')
    await page.keyboard.type(PASSWORD)
    await Promise.all([page.waitForURL((url) => !url.pathname.endsWith('/login')), page.keyboard.press('Enter')])

    // From the dashboard to the directory entries, to this organisation's entry.
    await page.locator('a[href$="/admin/collections/services"]').first().waitFor()
    await tabTo(page, (f) => f.tag === 'a' && f.label === 'Show all Directory entries')
    await Promise.all([page.waitForURL(/\/admin\/collections\/services(\?|$)/), page.keyboard.press('Enter')])
    await page.getByRole('link', { name: entry.name }).waitFor()
    await tabTo(page, (f) => f.tag === 'a' && f.label === entry.name)
    await Promise.all([page.waitForURL(new RegExp(`/admin/collections/services/${entry.id}$`)), page.keyboard.press('Enter')])
    await page.locator('#field-description').waitFor()

    const changed = `${ORIGINAL} Now also on Saturdays (${stamp}).`
    await tabTo(page, (f) => f.id === 'field-description')
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type(changed)

    // The button sits above the form: back up to it.
    await tabTo(page, (f) => f.tag === 'button' && f.label === 'Submit for review', { backwards: true })
    const ring = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!)
      return { outline: `${style.outlineStyle} ${style.outlineWidth}`, boxShadow: style.boxShadow, visible: document.activeElement!.matches(':focus-visible') }
    })
    expect(ring.visible).toBe(true)
    const outlined = !ring.outline.startsWith('none') && !ring.outline.endsWith(' 0px')
    expect(outlined || ring.boxShadow !== 'none', `focus on the button is visible: ${JSON.stringify(ring)}`).toBe(true)
    await page.keyboard.press('Enter')

    // The page says what happened, and still says so when the partner comes back.
    await page.getByText('Submitted for review — an editor will publish it', { exact: false }).first().waitFor()
    // Payload's status line now offers "Revert to published" (see cms/components/DocumentControlsForRole.tsx); still no button that publishes.
    expect(await page.getByRole('button', { name: /^(publish|save draft|schedule)/i }).count()).toBe(0)
    await page.reload()
    await page.locator('.doc-controls').getByText(/Submitted for review/).waitFor()

    // And it is so: a draft awaiting review, the live entry as the editors last published it.
    const draft = (await call(editor, 'GET', `/services/${entry.id}?draft=true&depth=0`)).json
    expect(draft.review?.state).toBe('pending')
    expect(draft.description).toBe(changed)
    const live = (await call({}, 'GET', `/services/${entry.id}?depth=0`)).json
    expect(live.description).toBe(ORIGINAL)
    expect(live._status).toBe('published')
    await context.close()
  })
})
