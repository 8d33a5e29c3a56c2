/**
 * What every command needs before it touches the CMS: the project root, a checked DATABASE_URI
 * and the PAYLOAD_SECRET (generated once in development), passed on to child processes such as
 * `next start`, which always runs with NODE_ENV=production.
 */
import { chooseDatabase, ConfigError } from '../../cms/database'
import { resolveSecret } from '../../cms/secret'
import { projectRoot } from '../../cms/paths'

export { projectRoot }

export const ports = {
  cms: Number(process.env.CMS_PORT || 3000),
  site: Number(process.env.SITE_PORT || 4321),
}

/** Environment for child processes, or exits with the configuration problem in plain words. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  try {
    chooseDatabase(process.env.DATABASE_URI)
    return { ...process.env, PAYLOAD_SECRET: resolveSecret(), NEXT_TELEMETRY_DISABLED: '1', ...extra }
  } catch (error) {
    exitWith(error)
  }
}

/** Configuration and content errors are the user's to fix: print the message, not a stack. */
export function exitWith(error: unknown): never {
  if (error instanceof ConfigError || (error as Error)?.name === 'ContentError') {
    console.error(`\n${(error as Error).message}\n`)
  } else {
    console.error(error)
  }
  process.exit(1)
}
