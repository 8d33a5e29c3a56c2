/**
 * Files only the account running the CMS may read. The database holds password hashes, restricted
 * papers, refuges' addresses and domestic homicide reviews' redaction terms (real names); backups
 * and exports hold the same; the mail outbox holds sign-in links. Created with the default umask
 * they were readable by every account on the server (0644 files in 0755 folders).
 *
 * A folder is made 0700, so nothing in it can be reached by anyone else whatever the files' own
 * modes (media copied into a backup, a WAL file SQLite creates). A file outside such a folder (a
 * DATABASE_URI pointing elsewhere) is made 0600 itself. The public site's folder is deliberately
 * not private: a web server running as another account serves it.
 */
import { chmodSync, existsSync, mkdirSync } from 'node:fs'
import { chmod, mkdir } from 'node:fs/promises'

/** No access for group or others. */
export const PRIVATE_FOLDER = 0o700
export const PRIVATE_FILE = 0o600

/** Makes `dir` (and any missing parents) and makes it private; an existing folder is made private too. */
export function privateFolderSync(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER })
  chmodSync(dir, PRIVATE_FOLDER)
  return dir
}

export async function privateFolder(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_FOLDER })
  await chmod(dir, PRIVATE_FOLDER)
  return dir
}

/** Makes the files that exist of `files` private (an SQLite database and its -wal and -shm). */
export function privateFilesSync(...files: string[]): void {
  for (const file of files) if (existsSync(file)) chmodSync(file, PRIVATE_FILE)
}

/** The group and other bits of a mode: 0 when private. */
export const openBits = (mode: number) => mode & 0o077
