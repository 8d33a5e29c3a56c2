/**
 * A real SMTP server on localhost for email tests (smtp-server), keeping every message it
 * receives parsed (mailparser). Pair: startSmtp() … smtp.stop(). `stop()` then `start()` again on
 * the same port stands for a mail server that goes down and comes back.
 */
import { SMTPServer } from 'smtp-server'
import { simpleParser, type ParsedMail } from 'mailparser'
import { until } from './product'

export type Smtp = {
  port: number
  url: string
  messages: ParsedMail[]
  /** Resolves with the first message (received so far or later) that `match` accepts. */
  waitFor: (what: string, match: (mail: ParsedMail) => boolean, timeoutMs?: number) => Promise<ParsedMail>
  to: (address: string) => ParsedMail[]
  start: () => Promise<void>
  stop: () => Promise<void>
}

const recipients = (mail: ParsedMail) =>
  [mail.to]
    .flat()
    .flatMap((t) => (t ? t.value : []))
    .map((v) => (v.address ?? '').toLowerCase())

export async function startSmtp(port: number): Promise<Smtp> {
  const messages: ParsedMail[] = []
  let server: SMTPServer | undefined
  const smtp: Smtp = {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    to: (address) => messages.filter((m) => recipients(m).includes(address.toLowerCase())),
    waitFor: (what, match, timeoutMs = 30_000) => until(`an email: ${what}`, () => messages.find(match), timeoutMs, 100),
    start: () =>
      new Promise((resolve, reject) => {
        server = new SMTPServer({
          authOptional: true,
          disabledCommands: ['STARTTLS', 'AUTH'],
          logger: false,
          onData(stream, _session, done) {
            simpleParser(stream)
              .then((mail) => {
                messages.push(mail)
                done()
              })
              .catch(done)
          },
        })
        server.once('error', reject)
        server.listen(port, '127.0.0.1', () => resolve())
      }),
    stop: () => new Promise((resolve) => (server ? server.close(() => resolve()) : resolve())),
  }
  await smtp.start()
  return smtp
}
