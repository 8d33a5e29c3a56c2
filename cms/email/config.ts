/**
 * Where mail goes. SMTP_URL set (smtp://user:pass@host:587, smtps://…): through that server.
 * Unset: every message is written as an .eml file into the git-ignored outbox (.data/outbox/, or
 * EMAIL_OUTBOX_DIR) and its path is printed, so a fresh clone's `npm start` works with no setup
 * and a person can open what would have been sent. With NODE_ENV=production and no SMTP_URL the
 * CMS says at start-up that mail is off (nothing leaves the machine).
 *
 * Payload's own nodemailer adapter does the sending (deliveryAdapter); what the CMS configures as
 * `email` is queue.ts's adapter, which puts each message on the jobs queue instead, so no save,
 * publish or password reset ever waits on SMTP.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import nodemailer, { type Transporter } from 'nodemailer'
import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import type { EmailAdapter } from 'payload'
import { projectRoot } from '../paths'
import { privateFolderSync } from '../files/private'

export type EmailSettings = { smtpUrl?: string; from: { name: string; address: string }; outboxDir: string }

/** "CSP Hub <hub@example.org>" or "hub@example.org" → name and address. */
export function parseFrom(value: string | undefined): { name: string; address: string } {
  const text = (value ?? '').trim()
  const angled = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(text)
  if (angled) return { name: angled[1]!.trim() || 'CSP Hub', address: angled[2]!.trim() }
  return { name: 'CSP Hub', address: text || 'no-reply@localhost' }
}

export function emailSettings(env: NodeJS.ProcessEnv = process.env): EmailSettings {
  return {
    smtpUrl: env.SMTP_URL?.trim() || undefined,
    from: parseFrom(env.EMAIL_FROM),
    outboxDir: path.resolve(projectRoot, env.EMAIL_OUTBOX_DIR || path.join('.data', 'outbox')),
  }
}

/** What start-up says about mail, or null when there is nothing to say. */
export function mailStatus(settings: EmailSettings, env: NodeJS.ProcessEnv = process.env): string | null {
  if (settings.smtpUrl) return null
  if (env.NODE_ENV === 'production')
    return `Mail is OFF: SMTP_URL is not set, so no email leaves this machine (invitations, password resets, review decisions and reminders are written to ${settings.outboxDir} instead). Set SMTP_URL and EMAIL_FROM to send mail.`
  return `Mail is not sent (SMTP_URL is not set): each message is written to ${settings.outboxDir}`
}

/** A nodemailer transport that writes each message into the outbox folder as an .eml file. */
export function outboxTransport(dir: string, log: (line: string) => void = console.log): Transporter {
  let counter = 0
  return nodemailer.createTransport({
    name: 'csp-hub-outbox',
    version: '1',
    send(mail: { message: { build: (cb: (error: Error | null, raw: Buffer) => void) => void; getEnvelope: () => unknown; messageId: () => string }; data: { to?: unknown } }, done: (error: Error | null, info: unknown) => void) {
      mail.message.build((error, raw) => {
        if (error) return done(error, undefined)
        try {
          // Messages hold sign-in and reset links: only this account may read them.
          privateFolderSync(dir)
          const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${++counter}.eml`)
          writeFileSync(file, raw)
          log(`Email to ${String(mail.data.to)} written to ${file}`)
          done(null, { envelope: mail.message.getEnvelope(), messageId: mail.message.messageId(), file } as never)
        } catch (failure) {
          done(failure as Error, undefined)
        }
      })
    },
  } as never)
}

/** The transport for these settings: SMTP, or the outbox. One per process. */
export function transportFor(settings: EmailSettings): Transporter {
  if (!settings.smtpUrl) return outboxTransport(settings.outboxDir)
  // Short timeouts: a server that does not answer fails the attempt, and the queue retries it later.
  return nodemailer.createTransport(settings.smtpUrl, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 } as never)
}

const DELIVERY = Symbol.for('csp-hub.email-delivery')
/** Payload's nodemailer adapter on this process's transport: what actually sends (used by the send task). */
export async function deliveryAdapter(settings = emailSettings()): Promise<EmailAdapter> {
  const holder = globalThis as { [DELIVERY]?: Promise<EmailAdapter> }
  return (holder[DELIVERY] ??= nodemailerAdapter({
    defaultFromAddress: settings.from.address,
    defaultFromName: settings.from.name,
    transport: transportFor(settings),
    // An SMTP server that is down at start-up must not hold the CMS up; sending retries on its own.
    skipVerify: true,
  }))
}
