/**
 * Which database DATABASE_URI means, and the error for a wrong one: pure, with no database driver
 * imported, so the command-line scripts (scripts/lib/env.ts) can check the configuration without
 * loading both adapters and the migrations — about 280 MB of resident memory in every build
 * process (measured by npm run bench; the publish pipeline starts one per build). The adapters
 * themselves are in ./database.ts.
 */
import path from 'node:path'
import { projectRoot } from './paths'

export class ConfigError extends Error {
  override name = 'ConfigError'
}

export const DEFAULT_SQLITE_FILE = path.join(projectRoot, '.data', 'csp-hub.db')

export type DatabaseChoice =
  | { kind: 'sqlite'; url: string; file: string }
  | { kind: 'mongodb'; url: string }

/** Pure: reads the variable and says which database it means, or throws a ConfigError. */
export function chooseDatabase(value: string | undefined): DatabaseChoice {
  const uri = value?.trim()
  if (!uri) return { kind: 'sqlite', url: `file:${DEFAULT_SQLITE_FILE}`, file: DEFAULT_SQLITE_FILE }
  if (uri.startsWith('file:')) {
    const file = path.resolve(projectRoot, uri.slice('file:'.length).replace(/^\/\/(?=\/)/, ''))
    if (!uri.slice('file:'.length)) throw new ConfigError('DATABASE_URI "file:" needs a path, for example file:./.data/csp-hub.db')
    return { kind: 'sqlite', url: `file:${file}`, file }
  }
  if (/^mongodb(\+srv)?:\/\/[^/\s]+/.test(uri)) return { kind: 'mongodb', url: uri }
  throw new ConfigError(
    `DATABASE_URI is not a database this project can use: "${redact(uri)}". ` +
      'Leave it unset for the embedded SQLite file, or use file:<path> (SQLite) or ' +
      'mongodb://… / mongodb+srv://… (MongoDB).',
  )
}

/** Never print a password that sits in a connection string. */
function redact(uri: string) {
  return uri.replace(/\/\/([^:/@]+):[^@]+@/, '//$1:***@')
}
