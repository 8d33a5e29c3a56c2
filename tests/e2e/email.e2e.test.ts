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
