/**
 * What every command needs before it touches the CMS: the project root, a checked DATABASE_URI
 * and the PAYLOAD_SECRET (generated once in development), passed on to child processes such as
 * `next start`, which always runs with NODE_ENV=production.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { chooseDatabase, ConfigError } from '../../cms/database-choice'
import { resolveSecret } from '../../cms/secret'
import { projectRoot } from '../../cms/paths'

export { projectRoot }

// Variables already set in the shell win over the git-ignored .env file.
const dotenv = path.join(projectRoot, '.env')
if (existsSync(dotenv)) process.loadEnvFile(dotenv)

export const ports = {
  cms: Number(process.env.CMS_PORT || 3000),
  site: Number(process.env.SITE_PORT || 4321),
}

/**
 * node_modules/.bin first on PATH, as npm scripts do: the tools' `#!/usr/bin/env node` then finds
 * the project's Node 24 (the `node` package) rather than an older system Node.
 */
export const withProjectBin = (PATH = '') => [path.join(projectRoot, 'node_modules', '.bin'), PATH].join(path.delimiter)

/** Environment for child processes, or exits with the configuration problem in plain words. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  try {
    chooseDatabase(process.env.DATABASE_URI)
    return { ...process.env, PATH: withProjectBin(process.env.PATH), PAYLOAD_SECRET: resolveSecret(), NEXT_TELEMETRY_DISABLED: '1', ...extra }
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
