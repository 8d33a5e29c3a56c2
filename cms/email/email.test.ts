import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { emailSettings, mailStatus, outboxTransport, parseFrom } from './config'
import { seal, unseal } from './seal'
import { compose, decisionEmail, editorDigestEmail, invitationEmail, monthLabel, partnerDigestEmail, resetEmail, weekLabel } from './templates'

const base = 'https://cms.example.org'

describe('email templates', () => {
  it('escape what they interpolate, in HTML and not in text', () => {
    const mail = decisionEmail({ base, entryName: 'Help <script>alert(1)</script> & co', decision: 'changes-requested', note: 'Say "why" <b>', editPath: '/collections/services/7' })
    expect(mail.html).not.toContain('<script>')
    expect(mail.html).toContain('Help &lt;script&gt;alert(1)&lt;/script&gt; &amp; co')
    expect(mail.html).toContain('Say &quot;why&quot; &lt;b&gt;')
    expect(mail.text).toContain('Say "why" <b>')
    expect(mail.subject).toBe('Changes requested: Help <script>alert(1)</script> & co')
    expect(mail.text).toContain(`${base}/admin/collections/services/7`)
  })

  it('refuse links anywhere but the CMS, and carry no images or remote resources', () => {
    expect(() => compose(base, 's', [{ link: { href: 'https://evil.example/x', label: 'x' } }])).toThrow(/link only to the CMS/)
    expect(() => compose(base, 's', [{ link: { href: 'https://cms.example.org.evil.example/x', label: 'x' } }])).toThrow()
    const mails = [
      invitationEmail({ base, token: 'abc', name: 'Ada', role: 'partner', organisation: 'Refuge', invitedBy: 'Ed (ed@example.org)', hours: 72 }),
      resetEmail({ base, token: 'abc', minutes: 60 }),
      partnerDigestEmail({ base, organisation: 'Refuge', period: monthLabel(new Date('2026-11-01T07:00:00Z')), entries: [{ id: 1, name: 'Helpline', confirmedOn: null }] }),
    ]
    for (const mail of mails) {
      expect(mail.html).not.toMatch(/<img|src=|url\(|<link|<script/i)
      for (const [, href] of mail.html.matchAll(/href="([^"]+)"/g)) expect(href!.startsWith(`${base}/`)).toBe(true)
      expect(mail.text.length).toBeGreaterThan(50)
    }
    expect(mails[0]!.text).toContain(`${base}/admin/reset/abc`)
    expect(mails[0]!.text).toContain('72 hours')
    expect(mails[1]!.text).toContain('60 minutes')
  })
})

describe('reminder periods', () => {
  it('read as people say them: “November 2026” and “the week of 23 November 2026” (its Monday)', () => {
    expect(monthLabel(new Date('2026-11-01T07:00:00Z'))).toBe('November 2026')
    expect(monthLabel(new Date('2026-11-30T23:59:00Z'))).toBe('November 2026')
    for (const day of ['2026-11-23T07:00:00Z', '2026-11-25T12:00:00Z', '2026-11-29T23:59:00Z']) expect(weekLabel(new Date(day))).toBe('the week of 23 November 2026')
    expect(weekLabel(new Date('2027-01-01T07:00:00Z'))).toBe('the week of 28 December 2026')
    const partner = partnerDigestEmail({ base, organisation: 'Refuge', period: monthLabel(new Date('2026-11-01T07:00:00Z')), entries: [{ id: 1, name: 'Helpline', confirmedOn: null }] })
    expect(partner.text).toContain('once a month (November 2026)')
    expect(partner.text).not.toMatch(/2026-11/)
    const editor = editorDigestEmail({ base, period: weekLabel(new Date('2026-11-23T07:00:00Z')), pending: [], orphaned: [] })
    expect(editor.text).toContain('Weekly digest for the week of 23 November 2026.')
    expect(editor.text).not.toMatch(/W\d\d/)
  })
})

describe('sealed queue messages', () => {
  it('round-trip with the secret, and fail with another or when altered', () => {
    const sealed = seal({ link: 'https://cms/admin/reset/t0k3n' }, 'secret-one')
    expect(sealed).not.toContain('t0k3n')
    expect(unseal(sealed, 'secret-one')).toEqual({ link: 'https://cms/admin/reset/t0k3n' })
    expect(() => unseal(sealed, 'secret-two')).toThrow()
    const [iv, tag, body] = sealed.split('.')
    expect(() => unseal([iv, tag, body!.slice(0, -2) + (body!.endsWith('A') ? 'BB' : 'AA')].join('.'), 'secret-one')).toThrow()
  })
})

describe('mail settings', () => {
  it('read EMAIL_FROM with or without a name', () => {
    expect(parseFrom('CSP Hub <hub@example.org>')).toEqual({ name: 'CSP Hub', address: 'hub@example.org' })
    expect(parseFrom('hub@example.org')).toEqual({ name: 'CSP Hub', address: 'hub@example.org' })
  })

  it('say mail is off in production without SMTP_URL, and nothing with it', () => {
    const env = { NODE_ENV: 'production' } as NodeJS.ProcessEnv
    expect(mailStatus(emailSettings(env), env)).toMatch(/Mail is OFF: SMTP_URL is not set/)
    const smtp = { NODE_ENV: 'production', SMTP_URL: 'smtp://localhost:2525' } as NodeJS.ProcessEnv
    expect(mailStatus(emailSettings(smtp), smtp)).toBeNull()
  })

  it('without SMTP_URL, write each message as an .eml file in the outbox and print its path', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'outbox-'))
    const lines: string[] = []
    const transport = outboxTransport(dir, (line) => lines.push(line))
    await transport.sendMail({ from: 'hub@example.org', to: 'ada@example.org', subject: 'Hello', text: 'plain', html: '<p>html</p>' })
    const files = readdirSync(dir)
    expect(files).toHaveLength(1)
    expect(files[0]).toMatch(/\.eml$/)
    const raw = readFileSync(path.join(dir, files[0]!), 'utf8')
    expect(raw).toContain('Subject: Hello')
    expect(raw).toContain('To: ada@example.org')
    expect(lines[0]).toContain(path.join(dir, files[0]!))
  })
})
