/**
 * Sending is always a job on the queue: a save, a publish or a password reset only records the
 * message (an `emails` row and a `send-email` job, in the request's own transaction when there is
 * one) and returns. Once that is committed the CMS starts the email queue at once, and its
 * minute cron picks up anything left (payload.config.ts), so mail goes out in seconds when SMTP
 * answers and is retried with backoff when it does not (task.ts).
 */
import type { EmailAdapter, Payload, PayloadRequest, SendEmailOptions } from 'payload'
import type { EmailKind } from '../collections/emails'
import { whenTransactionEnds } from '../sqlite-writes'
import { emailSettings } from './config'
import { seal } from './seal'
import type { Email } from './templates'

export const EMAIL_QUEUE = 'email'
export const SEND_TASK = 'send-email'

export type Outgoing = Email & { to: string; kind: EmailKind; key?: string }
export type SealedMessage = { to: string; subject: string; text: string; html: string }

const jobsOn = () => process.env.CSP_HUB_JOBS !== 'off'

/** Runs the email queue now, in the background; failures stay on the queue for the cron. */
export function runEmailQueueSoon(payload: Payload): void {
  if (!jobsOn()) return
  setImmediate(() => {
    payload.jobs.run({ queue: EMAIL_QUEUE, limit: 50 }).catch((error: unknown) => payload.logger.warn({ err: error, msg: 'Could not run the email queue; the cron will' }))
  })
}

/** True when a message with this key was already queued (a reminder for a period already sent). */
export async function alreadyQueued(payload: Payload, key: string, req?: PayloadRequest): Promise<boolean> {
  const { totalDocs } = await payload.count({ collection: 'emails', where: { key: { equals: key } }, overrideAccess: true, req })
  return totalDocs > 0
}

/**
 * Queues one message. With `req`, inside that request's transaction (it is sent only if the save
 * commits). Returns the `emails` row's id, or null when `key` was queued before.
 */
export async function queueEmail(payload: Payload, message: Outgoing, req?: PayloadRequest): Promise<number | string | null> {
  if (message.key && (await alreadyQueued(payload, message.key, req))) return null
  const row = await payload.create({
    collection: 'emails',
    data: { kind: message.kind, to: message.to, subject: message.subject, state: 'queued', attempts: 0, key: message.key ?? null },
    overrideAccess: true,
    req,
  })
  const sealed = seal({ to: message.to, subject: message.subject, text: message.text, html: message.html } satisfies SealedMessage, payload.secret)
  await payload.jobs.queue({ task: SEND_TASK as never, queue: EMAIL_QUEUE, input: { email: row.id, sealed } as never, req })
  if (req) void whenTransactionEnds(req, () => runEmailQueueSoon(payload))
  else runEmailQueueSoon(payload)
  return row.id
}

/**
 * Texts that go with an HTML body Payload asks us for (the reset email: Payload passes only
 * `html` to sendEmail), so the queued message has both parts. Taken once, by the send.
 */
const plainTexts = new Map<string, { text: string; kind: EmailKind }>()
export function rememberText(html: string, text: string, kind: EmailKind): void {
  plainTexts.set(html, { text, kind })
  if (plainTexts.size > 1000) plainTexts.delete(plainTexts.keys().next().value!)
}

const addressOf = (to: SendEmailOptions['to']): string => {
  const first = Array.isArray(to) ? to[0] : to
  return typeof first === 'string' ? first : (first?.address ?? '')
}

/**
 * The adapter the CMS is configured with (`email` in payload.config.ts): Payload's own emails
 * (the password reset) are queued like ours. Queued after the caller's transaction, never inside
 * it: Payload passes no request, and SQLite takes one writer at a time.
 */
export const queuedEmailAdapter =
  (settings = emailSettings()): EmailAdapter =>
  ({ payload }) => ({
    name: 'csp-hub-queue',
    defaultFromAddress: settings.from.address,
    defaultFromName: settings.from.name,
    sendEmail: async (options: SendEmailOptions) => {
      const html = typeof options.html === 'string' ? options.html : ''
      const known = plainTexts.get(html)
      plainTexts.delete(html)
      const message: Outgoing = {
        kind: known?.kind ?? 'other',
        to: addressOf(options.to),
        subject: String(options.subject ?? ''),
        html,
        text: known?.text ?? (typeof options.text === 'string' ? options.text : ''),
      }
      // Not awaited: the caller's transaction holds SQLite's one writer until it returns.
      void queueEmail(payload, message).catch((error: unknown) => payload.logger.error({ err: error, msg: `Could not queue an email to ${message.to}` }))
      return { queued: true }
    },
  })
