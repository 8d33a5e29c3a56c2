/**
 * Email end to end (issue 17): a CMS of its own (empty throwaway database, jobs on, retries after
 * 1 s) sending to a real SMTP server on localhost that this file starts, stops and restarts.
 * Everything is done over HTTP as the people involved would: invitation → mail → link followed →
 * password chosen → sign-in; reset links that work once and expire; decision emails; the monthly
 * reminder (exactly one organisation's due entries, never twice a month); confirm-in-one-step; and
 * an SMTP server that is down, which leaves the save intact and the message retried.
 */
import path from 'node:path'
import type { ChildProcess } from 'node:child_process'
import { createClient, type Client } from '@libsql/client'
import type { ParsedMail } from 'mailparser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureAdminBuild } from '../../scripts/lib/admin-build'
import { start, stopGroup } from '../../scripts/lib/run'
import { throwawayEnv } from '../helpers/env'
import { freePort, waitForHttp } from '../helpers/ports'
import { sleep, until } from '../helpers/product'
import { PASSWORD, restClient, type Session } from '../helpers/rest'
import { startSmtp, type Smtp } from '../helpers/smtp'
import { launchChromium } from '../helpers/chromium'
import type { Browser, Page } from 'playwright-core'

let cms: string
let child: ChildProcess
let smtp: Smtp
let db: Client
let call: ReturnType<typeof restClient>['call']
let login: ReturnType<typeof restClient>['login']
let admin: Session
let editor: Session
const anonymous: Session = {}
let orgA: number
let orgB: number

const linkIn = (mail: ParsedMail) => {
  const found = /https?:\/\/\S+\/admin\/reset\/[0-9a-f]+/.exec(mail.text ?? '')
  if (!found) throw new Error(`No link in: ${mail.text}`)
  return found[0]
}
const tokenOf = (link: string) => link.split('/').pop()!
const resetPassword = (token: string, password: string) => call(anonymous, 'POST', '/users/reset-password', { token, password })
/** An admin page as a browser would fetch it (redirects not followed). */
const adminGet = (session: Session, route: string) =>
  fetch(`${cms}/admin${route}`, { headers: { Cookie: `payload-token=${session.token}`, 'Sec-Fetch-Site': 'none' }, redirect: 'manual' })
const todayShown = () => new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })

/** A Chromium page signed in as `session`, opened at an admin route once the admin has hydrated. */
async function openAdmin(browser: Browser, session: Session, route: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  await context.addCookies([{ name: 'payload-token', value: session.token!, url: cms }])
  const page = await context.newPage()
  await page.goto(`${cms}/admin${route}`, { waitUntil: 'networkidle' })
  await page.waitForFunction(() => document.documentElement.dataset.a11yRepaired === 'true', null, { timeout: 90_000 })
  return page
}

async function createService(data: Record<string, unknown>) {
  const made = await call(admin, 'POST', '/services', { description: 'A test service.', categories: ['housing'], audiences: ['everyone'], areas: ['newham'], _status: 'published', ...data })
  expect(made.status, JSON.stringify(made.json)).toBe(201)
  return made.json.doc as { id: number; name: string }
}

/** Invites `email`, follows the link from the email, chooses PASSWORD; returns the signed-in session. */
async function acceptInvitation(email: string, role: string, organisation?: number): Promise<Session> {
  const invited = await call(admin, 'POST', '/users/invite', { email, name: `Person ${email}`, role, organisation })
  expect(invited.status, JSON.stringify(invited.json)).toBe(201)
  const mail = await smtp.waitFor(`invitation to ${email}`, (m) => m.subject === 'You are invited to CSP Hub' && smtp.to(email).includes(m))
  expect((await resetPassword(tokenOf(linkIn(mail)), PASSWORD)).status).toBe(200)
  return login(email, PASSWORD)
}

beforeAll(async () => {
  const [cmsPort, smtpPort] = [await freePort(), await freePort()]
  cms = `http://127.0.0.1:${cmsPort}`
  smtp = await startSmtp(smtpPort)
  const env = {
    ...throwawayEnv('email'),
    CMS_PORT: String(cmsPort),
    CMS_PUBLIC_URL: cms,
    CMS_HOST: '127.0.0.1',
    TRUSTED_PROXIES: '127.0.0.1',
    SMTP_URL: smtp.url,
    EMAIL_FROM: 'CSP Hub <hub@csp-hub.test>',
    CSP_HUB_JOBS: 'on',
    EMAIL_RETRY_DELAY_MS: '1000',
  }
  db = createClient({ url: env.DATABASE_URI })
  // The CMS writes too: wait for its lock rather than fail at once.
  await db.execute('PRAGMA busy_timeout = 10000')
  await ensureAdminBuild(env)
  child = start(path.resolve('node_modules/.bin/tsx'), ['scripts/cms-server.ts'], { env, stdio: ['ignore', 'ignore', 'inherit'] })
  await waitForHttp(`${cms}/api/site-settings/global`, 180_000)
  ;({ call, login } = restClient(cms))
  admin = await restClient(cms).admin()
  const org = async (name: string) => (await call(admin, 'POST', '/organisations', { name, type: 'charity', _status: 'published' })).json.doc.id as number
  orgA = await org('Email Test Org A')
  orgB = await org('Email Test Org B')
  editor = await acceptInvitation('editor@csp-hub.test', 'editor')
})

afterAll(async () => {
  if (child) await stopGroup(child)
  db?.close()
  await smtp?.stop()
})

describe('invitations', () => {
  it('invitation → email → link followed over HTTP → own password → sign-in; the link works once', async () => {
    const email = 'ada@partner-a.test'
    const invited = await call(editor, 'POST', '/users/invite', { email, name: 'Ada Partner', role: 'partner', organisation: orgA })
    expect(invited.status, JSON.stringify(invited.json)).toBe(201)
    expect(JSON.stringify(invited.json)).not.toMatch(/password|token/i)
    const mail = await smtp.waitFor('Ada’s invitation', (m) => smtp.to(email).includes(m))
    expect(mail.from?.text).toContain('hub@csp-hub.test')
    expect(mail.text).toContain('Email Test Org A')
    expect(mail.text).toContain('72 hours')
    expect(mail.html).not.toMatch(/<img|src=/i)
    const link = linkIn(mail)
    expect(link.startsWith(`${cms}/admin/reset/`)).toBe(true)
    // The link opens Payload's page for choosing a password.
    const page = await fetch(link, { headers: { 'Sec-Fetch-Site': 'none' } })
    expect(page.status).toBe(200)
    // The policy applies to the invitee's choice too.
    expect((await resetPassword(tokenOf(link), 'password1234')).status).toBe(400)
    expect((await resetPassword(tokenOf(link), PASSWORD)).status).toBe(200)
    expect((await login(email, PASSWORD)).token).toBeTruthy()
    // Once only.
    expect((await resetPassword(tokenOf(link), 'another-long-password-9')).status).not.toBe(200)
    // It expires after 72 hours (stored on the account, never readable over the API).
    const me = (await call(admin, 'GET', `/users/${invited.json.doc.id}`)).json
    expect(me.resetPasswordToken).toBeUndefined()
  })

  it('refuses a bad address on the field, and anyone but staff', async () => {
    const bad = await call(admin, 'POST', '/users/invite', { email: 'not-an-address', name: 'X', role: 'partner', organisation: orgA })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.json)).toContain('email')
    expect(JSON.stringify(bad.json)).toContain('Enter an email address')
    const partner = await login('ada@partner-a.test', PASSWORD)
    expect((await call(partner, 'POST', '/users/invite', { email: 'x@partner-a.test', name: 'X', role: 'partner', organisation: orgA })).status).toBe(403)
    expect((await call(anonymous, 'POST', '/users/invite', { email: 'y@partner-a.test', name: 'Y', role: 'partner', organisation: orgA })).status).toBe(403)
    // An editor cannot invite an admin.
    expect((await call(editor, 'POST', '/users/invite', { email: 'boss@csp-hub.test', name: 'Boss', role: 'admin' })).status).toBe(403)
    await sleep(500)
    expect(smtp.to('x@partner-a.test').length + smtp.to('y@partner-a.test').length + smtp.to('boss@csp-hub.test').length).toBe(0)
  })

  it('the admin has an invitation screen, for staff only', async () => {
    const page = async (session: Session, route: string) =>
      (await fetch(`${cms}/admin${route}`, { headers: { Cookie: `payload-token=${session.token}`, 'Sec-Fetch-Site': 'none' } })).text()
    const forEditor = await page(editor, '/invite')
    expect(forEditor).toContain('Invite a person')
    expect(forEditor).toContain('Email Test Org A')
    expect(forEditor).not.toContain('value="admin"')
    expect(await page(admin, '/invite')).toContain('value="admin"')
    const forPartner = await page(await login('ada@partner-a.test', PASSWORD), '/invite')
    expect(forPartner).toContain('Only the comms team can invite people.')
    expect(forPartner).not.toContain('Send invitation')
  })

  it('an invitation link expires after 72 hours', async () => {
    const email = 'late@partner-a.test'
    const invited = await call(admin, 'POST', '/users/invite', { email, name: 'Late', role: 'partner', organisation: orgA })
    const mail = await smtp.waitFor('late invitation', (m) => smtp.to(email).includes(m))
    const row = (await db.execute({ sql: 'SELECT reset_password_expiration AS e FROM users WHERE id = ?', args: [invited.json.doc.id] })).rows[0]!
    const hours = (new Date(String(row.e)).getTime() - Date.now()) / 3600_000
    expect(hours).toBeGreaterThan(71.9)
    expect(hours).toBeLessThanOrEqual(72)
    await db.execute({ sql: 'UPDATE users SET reset_password_expiration = ? WHERE id = ?', args: [new Date(Date.now() - 1000).toISOString(), invited.json.doc.id] })
    expect((await resetPassword(tokenOf(linkIn(mail)), PASSWORD)).status).not.toBe(200)
  })
})

describe('password reset', () => {
  it('answers known and unknown addresses alike, mails only the known one, with our wording; the link works once and expires in an hour', async () => {
    const forgot = (email: string) => fetch(`${cms}/api/users/forgot-password`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '192.0.2.17' }, body: JSON.stringify({ email }) })
    const known = await forgot('ada@partner-a.test')
    const unknown = await forgot('nobody@partner-a.test')
    expect(known.status).toBe(unknown.status)
    expect(await known.json()).toEqual(await unknown.json())
    const mail = await smtp.waitFor('reset for Ada', (m) => m.subject === 'Reset your CSP Hub password' && smtp.to('ada@partner-a.test').includes(m))
    expect(mail.text).toContain('expires in 60 minutes')
    expect(mail.text).toContain('If it was not you, ignore this email')
    const row = (await db.execute({ sql: "SELECT reset_password_expiration AS e FROM users WHERE email = 'ada@partner-a.test'", args: [] })).rows[0]!
    const minutes = (new Date(String(row.e)).getTime() - Date.now()) / 60_000
    expect(minutes).toBeGreaterThan(58)
    expect(minutes).toBeLessThanOrEqual(60)
    await sleep(1000)
    expect(smtp.to('nobody@partner-a.test')).toHaveLength(0)
    const token = tokenOf(linkIn(mail))
    expect((await resetPassword(token, 'ada-chose-a-new-passphrase')).status).toBe(200)
    expect((await resetPassword(token, 'and-then-another-one-77')).status).not.toBe(200)
    expect((await login('ada@partner-a.test', 'ada-chose-a-new-passphrase')).token).toBeTruthy()
    expect((await resetPassword(token, PASSWORD)).status).not.toBe(200)
    // Put Ada's password back the supported way, through a fresh link; then let it expire unused.
    await forgot('ada@partner-a.test')
    const again = await smtp.waitFor('second reset', (m) => m !== mail && m.subject === 'Reset your CSP Hub password' && smtp.to('ada@partner-a.test').includes(m))
    expect((await resetPassword(tokenOf(linkIn(again)), PASSWORD)).status).toBe(200)
    await forgot('ada@partner-a.test')
    const third = await smtp.waitFor('third reset', (m) => m !== mail && m !== again && m.subject === 'Reset your CSP Hub password' && smtp.to('ada@partner-a.test').includes(m))
    await db.execute({ sql: "UPDATE users SET reset_password_expiration = ? WHERE email = 'ada@partner-a.test'", args: [new Date(Date.now() - 1000).toISOString()] })
    expect((await resetPassword(tokenOf(linkIn(third)), 'expired-link-password-1')).status).not.toBe(200)
  })
})

describe('review decisions, reminders and confirming', () => {
  let partner: Session
  let partnerB: Session
  let entry: { id: number; name: string }

  beforeAll(async () => {
    partner = await login('ada@partner-a.test', PASSWORD)
    partnerB = await acceptInvitation('bo@partner-b.test', 'partner', orgB)
    entry = await createService({ name: 'Decision Test Helpline', organisation: orgA })
  })

  it('emails the partner when an editor publishes their submission, and when they ask for changes', async () => {
    expect((await call(partner, 'PATCH', `/services/${entry.id}`, { description: 'Open Monday to Friday.' })).status).toBe(200)
    const published = await call(editor, 'PATCH', `/services/${entry.id}`, { _status: 'published' })
    expect(published.status, JSON.stringify(published.json)).toBe(200)
    const yes = await smtp.waitFor('published decision', (m) => m.subject === 'Published: Decision Test Helpline')
    expect(smtp.to('ada@partner-a.test')).toContain(yes)
    expect(yes.text).toContain(`${cms}/admin/collections/services/${entry.id}`)

    expect((await call(partner, 'PATCH', `/services/${entry.id}`, { description: 'Open every day <b>9–5</b>.' })).status).toBe(200)
    const ask = await call(editor, 'PATCH', `/services/${entry.id}?draft=true`, { review: { state: 'changes-requested', note: 'Please say which days <exactly>.' }, _status: 'draft' })
    expect(ask.status, JSON.stringify(ask.json)).toBe(200)
    const no = await smtp.waitFor('changes requested', (m) => m.subject === 'Changes requested: Decision Test Helpline')
    expect(no.text).toContain('Please say which days <exactly>.')
    expect(no.html).toContain('Please say which days &lt;exactly&gt;.')
    expect(smtp.to('bo@partner-b.test').filter((m) => m.subject?.includes('Decision Test'))).toHaveLength(0)
  })

  it('the monthly reminder lists exactly that organisation’s due entries, once a month; confirming clears one in one step', async () => {
    const due1 = await createService({ name: 'Reminder Due One', organisation: orgA })
    const due2 = await createService({ name: 'Reminder Due Two', organisation: orgA })
    const fresh = await createService({ name: 'Reminder Confirmed Today', organisation: orgA })
    await createService({ name: 'Reminder Draft Only', organisation: orgA, _status: 'draft' })
    const other = await createService({ name: 'Reminder Other Org', organisation: orgB })
    // Confirm in one step, from the partner's side: who and when recorded, no review, nothing else changed.
    const before = (await call(anonymous, 'GET', `/services/${fresh.id}`)).json
    const confirm = await call(partner, 'POST', `/services/${fresh.id}/confirm`)
    expect(confirm.status, JSON.stringify(confirm.json)).toBe(200)
    const after = (await call(admin, 'GET', `/services/${fresh.id}?draft=true`)).json
    expect(after.confirmed.on.slice(0, 10)).toBe(new Date().toISOString().slice(0, 10))
    expect(after.confirmed.by).toContain('ada@partner-a.test')
    expect(after.reviewDue).toBe('Up to date')
    expect(after.review?.state ?? null).not.toBe('pending')
    expect((await call(anonymous, 'GET', `/services/${fresh.id}`)).json.description).toBe(before.description)
    // Another organisation's partner, or a stranger, cannot.
    expect((await call(partnerB, 'POST', `/services/${fresh.id}/confirm`)).status).toBe(404)
    expect((await call(anonymous, 'POST', `/services/${fresh.id}/confirm`)).status).toBe(403)

    const now = new Date().toISOString()
    const run = await call(admin, 'POST', '/emails/reminders', { audience: 'partners', now })
    expect(run.status).toBe(202)
    const digest = await smtp.waitFor('Ada’s monthly reminder', (m) => smtp.to('ada@partner-a.test').includes(m) && /due for their six-monthly check/.test(m.subject ?? ''))
    const listed = [...(digest.text ?? '').matchAll(/^- (.+?) — /gm)].map((m) => m[1])
    // Exactly the due, published entries of org A (the decision test's entry was confirmed when published).
    expect(listed.sort()).toEqual(['Reminder Due One', 'Reminder Due Two'])
    expect(digest.text).toContain(`${cms}/admin/collections/services/${due1.id}`)
    expect(digest.text).toContain(`once a month (${new Date(now).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })})`)
    expect(digest.text).toContain(`${cms}/admin/collections/services/${due2.id}`)
    expect(digest.text).not.toContain(String(`/services/${other.id}\n`))
    const bosMail = await smtp.waitFor('Bo’s reminder', (m) => smtp.to('bo@partner-b.test').includes(m) && /six-monthly/.test(m.subject ?? ''))
    expect(bosMail.text).toContain('Reminder Other Org')
    expect(bosMail.text).not.toContain('Reminder Due One')
    // Not twice for one period.
    const count = () => smtp.messages.filter((m) => /six-monthly/.test(m.subject ?? '')).length
    const sent = count()
    expect((await call(admin, 'POST', '/emails/reminders', { audience: 'partners', now })).status).toBe(202)
    await sleep(4000)
    expect(count()).toBe(sent)
    const rows = (await call(admin, 'GET', `/emails?where[kind][equals]=partner-digest&limit=50`)).json
    expect(rows.docs.filter((r: { to: string }) => r.to === 'ada@partner-a.test')).toHaveLength(1)
  })

  it('partners and strangers cannot read the email log, queue reminders or set invitation tokens', async () => {
    expect((await call(partner, 'GET', '/emails')).status).toBe(403)
    expect((await call(anonymous, 'GET', '/emails')).status).toBe(403)
    expect((await call(partner, 'POST', '/emails/reminders', { audience: 'partners' })).status).toBe(403)
    expect((await call(partner, 'POST', '/emails', { kind: 'other', to: 'x@y.z', subject: 's' })).status).toBe(403)
    await call(partner, 'PATCH', `/users/${partner.id}`, { resetPasswordToken: 'a'.repeat(40), resetPasswordExpiration: '2099-01-01T00:00:00.000Z' })
    expect((await resetPassword('a'.repeat(40), 'a-token-i-made-up-myself')).status).not.toBe(200)
  })
})

describe('confirming from the partner’s entries page and the entry form', () => {
  let browser: Browser
  let partner: Session
  beforeAll(async () => {
    browser = await launchChromium()
    partner = await login('ada@partner-a.test', PASSWORD)
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('the partner’s list offers “Confirm still correct” on each due entry, named for it, by keyboard, and shows the new date without a reload', async () => {
    const due = await createService({ name: 'List Confirm Due', organisation: orgA })
    const fresh = await createService({ name: 'List Confirm Fresh', organisation: orgA })
    expect((await call(partner, 'POST', `/services/${fresh.id}/confirm`)).status).toBe(200)
    const page = await openAdmin(browser, partner, '/review')
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true))
    // Not offered on an entry confirmed today.
    expect(await page.getByRole('button', { name: /List Confirm Fresh/ }).count()).toBe(0)
    const button = page.getByRole('button', { name: 'Confirm still correct: List Confirm Due' })
    await button.focus()
    await page.keyboard.press('Enter')
    const row = page.getByRole('row', { name: /List Confirm Due/ })
    await row.locator('.csp-confirm-entry__date').getByText(todayShown()).waitFor({ timeout: 15_000 })
    expect(await row.getByText('Review due').count()).toBe(0)
    expect(await row.getByRole('status').textContent()).toContain('List Confirm Due now shows')
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true)
    const stored = (await call(admin, 'GET', `/services/${due.id}`)).json
    expect(stored.confirmed.on.slice(0, 10)).toBe(new Date().toISOString().slice(0, 10))
    expect(stored.confirmed.by).toContain('ada@partner-a.test')
    // A reload shows the same date, even for an entry with a newer draft awaiting review.
    expect((await call(partner, 'PATCH', `/services/${due.id}`, { description: 'A draft after confirming.' })).status).toBe(200)
    await page.reload({ waitUntil: 'networkidle' })
    await page.getByRole('row', { name: /List Confirm Due/ }).getByText(todayShown()).waitFor({ timeout: 15_000 })
    await page.context().close()
  })

  it('the entry form’s button updates its “Last confirmed” date and check state without a reload', async () => {
    const due = await createService({ name: 'Form Confirm Due', organisation: orgA })
    const page = await openAdmin(browser, partner, `/collections/services/${due.id}`)
    const date = page.locator('#field-confirmed__on input, input#field-confirmed__on').first()
    expect(await date.inputValue()).toBe('')
    await page.getByRole('button', { name: 'Confirm still correct' }).click()
    await page.getByRole('status').filter({ hasText: 'Confirmed' }).first().waitFor({ timeout: 15_000 })
    await until('the date field to show today', async () => ((await date.inputValue()).includes(String(new Date().getUTCFullYear())) ? true : undefined), 15_000, 200)
    expect(await page.locator('#field-reviewDue').inputValue()).toBe('Up to date')
    await page.context().close()
  })
})

describe('no password chosen by staff in the admin', () => {
  it('the admin’s “create a user” route leads staff to the invitation screen', async () => {
    for (const session of [admin, editor]) {
      const response = await adminGet(session, '/collections/users/create')
      expect([302, 303, 307, 308], `status ${response.status}`).toContain(response.status)
      expect(new URL(response.headers.get('location')!, cms).pathname).toBe('/admin/invite')
    }
    // And the invitation screen has no password field.
    expect(await (await adminGet(editor, '/invite')).text()).not.toMatch(/type="password"/)
  })

  it('the first admin is still created from ADMIN_EMAIL and ADMIN_PASSWORD (this CMS signed its admin in with them)', () => {
    expect(admin.token).toBeTruthy()
  })
})

describe('resending an invitation', () => {
  it('staff resend a link to someone who has not chosen a password yet (or whose link expired); the old link stops working; partners are refused', async () => {
    const email = 'slow@partner-a.test'
    const invited = await call(admin, 'POST', '/users/invite', { email, name: 'Slow Responder', role: 'partner', organisation: orgA })
    expect(invited.status).toBe(201)
    const id = invited.json.doc.id as number
    const first = await smtp.waitFor('first invitation', (m) => smtp.to(email).includes(m))
    // The link expired.
    await db.execute({ sql: 'UPDATE users SET reset_password_expiration = ? WHERE id = ?', args: [new Date(Date.now() - 1000).toISOString(), id] })
    const partner = await login('ada@partner-a.test', PASSWORD)
    expect((await call(partner, 'POST', `/users/${id}/resend-invitation`)).status).toBe(403)
    expect((await call(anonymous, 'POST', `/users/${id}/resend-invitation`)).status).toBe(403)
    const again = await call(editor, 'POST', `/users/${id}/resend-invitation`)
    expect(again.status, JSON.stringify(again.json)).toBe(200)
    expect(JSON.stringify(again.json)).not.toMatch(/token/i)
    const second = await smtp.waitFor('second invitation', (m) => m !== first && smtp.to(email).includes(m))
    expect(second.subject).toBe('You are invited to CSP Hub')
    expect(linkIn(second)).not.toBe(linkIn(first))
    expect((await resetPassword(tokenOf(linkIn(first)), PASSWORD)).status).not.toBe(200)
    expect((await resetPassword(tokenOf(linkIn(second)), PASSWORD)).status).toBe(200)
    // Once they have chosen a password there is nothing to resend.
    const done = await call(editor, 'POST', `/users/${id}/resend-invitation`)
    expect(done.status).toBe(409)
    // The user's page in the admin offers the button to staff while the invitation is open.
    const pending = await call(admin, 'POST', '/users/invite', { email: 'pending@partner-a.test', name: 'Pending', role: 'partner', organisation: orgA })
    expect(await (await adminGet(editor, `/collections/users/${pending.json.doc.id}`)).text()).toContain('Send a new invitation link')
    expect(await (await adminGet(editor, `/collections/users/${id}`)).text()).not.toContain('Send a new invitation link')
    // An editor cannot send an admin a link (as they cannot change an admin's account).
    const boss = await call(admin, 'POST', '/users/invite', { email: 'boss2@csp-hub.test', name: 'Boss', role: 'admin' })
    expect((await call(editor, 'POST', `/users/${boss.json.doc.id}/resend-invitation`)).status).toBe(403)
    expect((await call(admin, 'POST', `/users/${boss.json.doc.id}/resend-invitation`)).status).toBe(200)
  })
})

describe('probes: partner A, partner B, editor and anonymous on the email paths', () => {
  it('the Emails log: only staff read it; nobody creates, updates or deletes a row over the API; it keeps no versions', async () => {
    const partnerA = await login('ada@partner-a.test', PASSWORD)
    const partnerB = await login('bo@partner-b.test', PASSWORD)
    const row = (await call(admin, 'GET', '/emails?limit=1')).json.docs[0]
    expect(row?.id).toBeTruthy()
    for (const session of [partnerA, partnerB, anonymous]) {
      expect((await call(session, 'GET', '/emails')).status).toBe(403)
      expect((await call(session, 'GET', `/emails/${row.id}`)).status).toBe(403)
      expect((await call(session, 'GET', '/emails/count')).status).toBe(403)
    }
    expect((await call(editor, 'GET', `/emails/${row.id}`)).status).toBe(200)
    for (const session of [partnerA, partnerB, editor, admin, anonymous]) {
      expect((await call(session, 'POST', '/emails', { kind: 'other', to: 'x@y.z', subject: 's' })).status).toBe(403)
      expect((await call(session, 'PATCH', `/emails/${row.id}`, { state: 'sent' })).status).toBe(403)
      expect((await call(session, 'DELETE', `/emails/${row.id}`)).status).toBe(403)
      expect((await call(session, 'PATCH', `/emails?where[id][equals]=${row.id}`, { subject: 'changed' })).json?.docs?.length ?? 0).toBe(0)
      expect((await call(session, 'DELETE', `/emails?where[id][equals]=${row.id}`)).json?.docs?.length ?? 0).toBe(0)
      expect((await call(session, 'GET', '/emails/versions')).status).not.toBe(200)
    }
    expect((await call(admin, 'GET', `/emails/${row.id}`)).json.subject).toBe(row.subject)
  })

  it('invite, resend and confirm: each role gets exactly what it should', async () => {
    const partnerA = await login('ada@partner-a.test', PASSWORD)
    const partnerB = await login('bo@partner-b.test', PASSWORD)
    const entryA = await createService({ name: 'Probe Entry A', organisation: orgA })
    const pending = (await call(admin, 'POST', '/users/invite', { email: 'probe-pending@partner-b.test', name: 'Probe', role: 'partner', organisation: orgB })).json.doc.id
    for (const session of [partnerA, partnerB, anonymous]) {
      expect((await call(session, 'POST', '/users/invite', { email: 'probe-x@partner-a.test', name: 'X', role: 'partner', organisation: orgA })).status).toBe(403)
      expect((await call(session, 'POST', `/users/${pending}/resend-invitation`)).status).toBe(403)
    }
    // A partner may not invite or resend even for their own organisation; an unknown account is 404 to staff.
    expect((await call(editor, 'POST', '/users/999999/resend-invitation')).status).toBe(404)
    expect((await call(partnerA, 'POST', `/services/${entryA.id}/confirm`)).status).toBe(200)
    expect((await call(partnerB, 'POST', `/services/${entryA.id}/confirm`)).status).toBe(404)
    expect((await call(anonymous, 'POST', `/services/${entryA.id}/confirm`)).status).toBe(403)
    expect((await call(editor, 'POST', `/services/${entryA.id}/confirm`)).status).toBe(200)
    expect((await call(partnerA, 'POST', '/services/999999/confirm')).status).toBe(404)
    // Nobody sets the invitation bookkeeping through the API.
    await call(partnerA, 'PATCH', `/users/${partnerA.id}`, { invitation: { acceptedAt: null, sentAt: '2099-01-01T00:00:00.000Z' } })
    await call(editor, 'PATCH', `/users/${pending}`, { invitation: { acceptedAt: '2020-01-01T00:00:00.000Z' } })
    expect((await call(editor, 'POST', `/users/${pending}/resend-invitation`)).status).toBe(200)
    const self = (await call(partnerA, 'GET', `/users/${partnerA.id}`)).json
    expect(self.invitation?.sentAt ?? null).not.toBe('2099-01-01T00:00:00.000Z')
  })
})

describe('an SMTP server that is down', () => {
  it('never blocks a save; the message is retried with backoff and shows as failing until it goes', async () => {
    const entry = await createService({ name: 'Outage Test Service', organisation: orgA })
    const partner = await login('ada@partner-a.test', PASSWORD)
    expect((await call(partner, 'PATCH', `/services/${entry.id}`, { description: 'Changed during the outage.' })).status).toBe(200)
    await smtp.stop()
    const started = Date.now()
    const publish = await call(editor, 'PATCH', `/services/${entry.id}`, { _status: 'published' })
    const ms = Date.now() - started
    expect(publish.status).toBe(200)
    expect(ms).toBeLessThan(3000)
    console.log(`publish while SMTP was down answered in ${ms} ms`)
    expect((await call(anonymous, 'GET', `/services/${entry.id}`)).json.description).toBe('Changed during the outage.')
    const failing = await until('the email log to show the failure', async () => {
      const { docs } = (await call(admin, 'GET', `/emails?where[subject][equals]=${encodeURIComponent('Published: Outage Test Service')}`)).json
      return docs[0]?.state === 'retrying' ? docs[0] : undefined
    }, 30_000, 300)
    expect(failing.lastError).toMatch(/ECONNREFUSED|connect/i)
    await smtp.start()
    // The backoff has passed (1 s here, a minute by default); the queue's next run sends it.
    await until('the retry to send it', async () => {
      await call(admin, 'GET', '/payload-jobs/run?queue=email&limit=20')
      return smtp.messages.find((m) => m.subject === 'Published: Outage Test Service')
    }, 30_000, 1500)
    const { docs } = (await call(admin, 'GET', `/emails?where[subject][equals]=${encodeURIComponent('Published: Outage Test Service')}`)).json
    expect(docs[0]).toMatchObject({ state: 'sent' })
    expect(docs[0].attempts).toBeGreaterThanOrEqual(2)
  })
})
