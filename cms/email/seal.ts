/**
 * A queued message's body holds links that act as passwords (an invitation or reset link). The
 * jobs queue keeps it until it is sent, so it is stored sealed (AES-256-GCM, key derived from
 * PAYLOAD_SECRET): staff who can see the queue and the email log see who a message is for and its
 * subject, never the link.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'

const keyOf = (secret: string) => createHash('sha256').update(`csp-hub email v1\0${secret}`).digest()

export function seal(value: unknown, secret: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv)
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()])
  return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url')).join('.')
}

export function unseal<T>(sealed: string, secret: string): T {
  const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'))
  if (!iv || !tag || !body) throw new Error('Not a sealed message')
  const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), iv)
  decipher.setAuthTag(tag)
  return JSON.parse(Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')) as T
}
