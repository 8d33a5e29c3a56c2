/**
 * The `send-email` task: one message, sent through Payload's nodemailer adapter (config.ts).
 * A failure (SMTP down, refused) is recorded on the message's `emails` row and thrown, so the
 * jobs queue tries again with exponential backoff — EMAIL_RETRY_DELAY_MS (default 60 s), then
 * twice that, and so on, 5 tries in all — after which the row says "Failed" with the reason.
 */
import type { Payload, TaskConfig } from 'payload'
import { deliveryAdapter } from './config'
import { SEND_TASK, type SealedMessage } from './queue'
import { unseal } from './seal'

export const MAX_ATTEMPTS = 5
const retryDelay = () => (Number(process.env.EMAIL_RETRY_DELAY_MS) > 0 ? Number(process.env.EMAIL_RETRY_DELAY_MS) : 60_000)

type SendIO = { input: { email: number; sealed: string }; output: { state: string } }

async function note(payload: Payload, id: number | string, data: Record<string, unknown>) {
  await payload.update({ collection: 'emails', id, data, overrideAccess: true }).catch((error: unknown) => payload.logger.warn({ err: error, msg: `Could not record the state of email ${id}` }))
}

export const sendEmailTask: TaskConfig<SendIO> = {
  slug: SEND_TASK,
  label: 'Send an email',
  inputSchema: [
    { name: 'email', type: 'number', required: true },
    { name: 'sealed', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'state', type: 'text', required: true }],
  retries: { attempts: MAX_ATTEMPTS - 1, backoff: { type: 'exponential', delay: retryDelay() } },
  handler: async ({ input, req }) => {
    const payload = req.payload
    const row = await payload.findByID({ collection: 'emails', id: input.email, overrideAccess: true, disableErrors: true })
    const attempts = ((row?.attempts as number | undefined) ?? 0) + 1
    const message = unseal<SealedMessage>(input.sealed, payload.secret)
    try {
      const adapter = (await deliveryAdapter())({ payload })
      await adapter.sendEmail({ to: message.to, subject: message.subject, text: message.text, html: message.html })
    } catch (error) {
      const reason = (error as Error).message || String(error)
      await note(payload, input.email, { attempts, state: attempts >= MAX_ATTEMPTS ? 'failed' : 'retrying', lastError: reason.slice(0, 500) })
      payload.logger.warn(`Email ${input.email} to ${message.to} not sent (attempt ${attempts} of ${MAX_ATTEMPTS}): ${reason}`)
      throw error
    }
    await note(payload, input.email, { attempts, state: 'sent', sentAt: new Date().toISOString(), lastError: null })
    return { output: { state: 'sent' } }
  },
}
