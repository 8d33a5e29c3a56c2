/**
 * tsx tests/helpers/email-screenshots.ts <cms url> <outbox folder>
 * The README's email screenshots, from a running product started without SMTP_URL (mail goes to
 * the outbox): the invitation screen filled in, and a partner's monthly reminder as received
 * (the .eml from the outbox, parsed and shown with its From/To/Subject). Signs in as ADMIN_EMAIL.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { simpleParser } from 'mailparser'
import { launchChromium } from './chromium'
import { escapeHtml } from '../../cms/email/templates'
import { until } from './product'

const [cms = 'http://localhost:3000', outbox = '.data/outbox'] = process.argv.slice(2)
const admin = { email: process.env.ADMIN_EMAIL!, password: process.env.ADMIN_PASSWORD! }
const api = async (token: string, method: string, route: string, body?: unknown) => {
  const r = await fetch(`${cms}/api${route}`, { method, headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `JWT ${token}` } : {}) }, body: body ? JSON.stringify(body) : undefined })
  return r.json() as Promise<any>
}
const { token } = await api('', 'POST', '/users/login', admin)
const org = (await api(token, 'GET', '/organisations?limit=1&sort=name&where[name][like]=Imra')).docs[0] ?? (await api(token, 'GET', '/organisations?limit=1&sort=name')).docs[0]

const browser = await launchChromium()
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
await page.goto(`${cms}/admin/login`)
await page.fill('input[name="email"]', admin.email)
await page.fill('input[name="password"]', admin.password)
await page.click('button[type="submit"]')
await page.waitForURL(/\/admin\/?$/)
await page.goto(`${cms}/admin/invite`)
await page.fill('#invite-email', 'sam@example.org')
await page.fill('#invite-name', 'Sam Example')
await page.selectOption('#invite-organisation', String(org.id))
await page.screenshot({ path: 'docs/screenshots/admin-invite.png' })

// A partner of that organisation, and this month's reminder.
await api(token, 'POST', '/users/invite', { email: 'sam@example.org', name: 'Sam Example', role: 'partner', organisation: org.id })
await api(token, 'POST', '/emails/reminders', { audience: 'partners' })
const file = await until('the reminder in the outbox', async () => {
  for (const name of readdirSync(outbox).filter((f) => f.endsWith('.eml'))) {
    const mail = await simpleParser(readFileSync(path.join(outbox, name)))
    if (/six-monthly/.test(mail.subject ?? '')) return { mail, name }
  }
  return undefined
}, 60_000, 500)
const { mail } = file
const header = `<dl style="font-family:sans-serif;font-size:14px;background:#f3f3f3;padding:12px 16px;margin:0 0 16px;display:grid;grid-template-columns:max-content 1fr;gap:4px 12px">${[
  ['From', mail.from?.text ?? ''],
  ['To', [mail.to].flat().map((t) => t?.text).join(', ')],
  ['Subject', mail.subject ?? ''],
].map(([k, v]) => `<dt style="font-weight:bold">${k}</dt><dd style="margin:0">${escapeHtml(v!)}</dd>`).join('')}</dl>`
await page.setContent(String(mail.html).replace('<body', `<body><div>${header}</div><div`).replace('</body>', '</div></body>'))
await page.setViewportSize({ width: 900, height: 700 })
await page.screenshot({ path: 'docs/screenshots/email-reminder.png', fullPage: true })
await browser.close()
console.log(`Screenshots written; the reminder was ${path.join(outbox, file.name)}`)
