/**
 * Shared preview links' tokens: `<link id>-<HMAC-SHA256(secret, id + salt)>`. The database keeps
 * only the random salt, so a copy of it (a backup, an export) holds no usable link; staff can still
 * see a live link's address at any time, because the server can recompute it. Revoking or expiring
 * a link is a field on its record; a new link always has a new salt.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

export const newSalt = () => randomBytes(18).toString('base64url')

const mac = (secret: string, id: string | number, salt: string) => createHmac('sha256', secret).update(`preview-link:${id}:${salt}`).digest('base64url')

export const tokenFor = (secret: string, id: string | number, salt: string) => `${id}-${mac(secret, id, salt)}`

/** The link id a token names, if it is well formed; check it with `tokenMatches`. */
export function idOfToken(token: string): string | null {
  const match = /^(\d{1,12})-([A-Za-z0-9_-]{43})$/.exec(token)
  return match ? match[1]! : null
}

export function tokenMatches(secret: string, token: string, id: string | number, salt: string): boolean {
  const expected = Buffer.from(tokenFor(secret, id, salt))
  const given = Buffer.from(token)
  return expected.length === given.length && timingSafeEqual(expected, given)
}
