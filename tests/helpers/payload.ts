/**
 * Payload's Local API on a throwaway SQLite file, for integration tests. The config reads the
 * environment when it is imported, so set it first, then import.
 */
import type { Payload } from 'payload'
import { throwawayEnv } from './env'

export async function throwawayPayload(label: string): Promise<{ payload: Payload; dir: string }> {
  const env = throwawayEnv(label)
  Object.assign(process.env, env)
  const [{ getPayload }, { default: config }] = await Promise.all([import('payload'), import('../../cms/payload.config')])
  const payload = await getPayload({ config })
  return { payload, dir: env.TEST_DIR }
}
