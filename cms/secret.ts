/**
 * PAYLOAD_SECRET signs sessions. In development it is generated once and kept in the git-ignored
 * .data/payload-secret so sessions survive restarts; in production it must come from the
 * environment, because a secret generated on one server would log everyone out on the next.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { ConfigError } from './database-choice'
import { projectRoot } from './paths'

export const SECRET_FILE = path.join(projectRoot, '.data', 'payload-secret')

export function resolveSecret(env: NodeJS.ProcessEnv = process.env, file = SECRET_FILE): string {
  const fromEnv = env.PAYLOAD_SECRET?.trim()
  if (fromEnv) {
    if (fromEnv.length < 32) throw new ConfigError('PAYLOAD_SECRET is too short: use at least 32 random characters (for example `openssl rand -hex 32`).')
    return fromEnv
  }
  if (env.NODE_ENV === 'production') {
    throw new ConfigError(
      'PAYLOAD_SECRET is not set. In production (NODE_ENV=production) the CMS refuses to start without it: ' +
        'set it to at least 32 random characters, for example `openssl rand -hex 32`.',
    )
  }
  if (existsSync(/*turbopackIgnore: true*/ file)) return readFileSync(/*turbopackIgnore: true*/ file, 'utf8').trim()
  const secret = randomBytes(32).toString('hex')
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' })
  return secret
}
