import { randomBytes } from 'node:crypto'
import type { Payload } from 'payload'

/**
 * With no users yet, create the first admin: from ADMIN_EMAIL/ADMIN_PASSWORD when both are set,
 * otherwise with a random one-time password printed once. Never a fixed default password.
 */
export async function ensureFirstAdmin(payload: Payload): Promise<void> {
  const { totalDocs } = await payload.count({ collection: 'users' })
  if (totalDocs > 0) return
  const email = process.env.ADMIN_EMAIL?.trim() || 'admin@csp-hub.local'
  const given = process.env.ADMIN_PASSWORD
  const password = given && process.env.ADMIN_EMAIL ? given : randomBytes(12).toString('base64url')
  await payload.create({ collection: 'users', data: { email, password, name: 'Administrator', role: 'admin' } })
  if (given && process.env.ADMIN_EMAIL) {
    payload.logger.info(`Created the first admin, ${email}, from ADMIN_EMAIL and ADMIN_PASSWORD.`)
  } else {
    // Printed once, on purpose: it is not stored anywhere else.
    console.log(
      `\n  First admin created. Sign in at ${process.env.CMS_PUBLIC_URL || 'http://localhost:3000'}/admin with\n` +
        `    email:    ${email}\n    password: ${password}\n` +
        '  This password is shown only now: change it after signing in, or set ADMIN_EMAIL and ADMIN_PASSWORD before the first start.\n',
    )
  }
}
