/**
 * A backup folder: `database.sqlite` (a consistent copy made by SQLite's VACUUM INTO), `media/`
 * (the uploaded files) and `manifest.json`, written last, naming every file with its size and
 * SHA-256. A folder without a manifest is not a backup; one whose files do not match it is damaged.
 */
import { createHash } from 'node:crypto'
import { createReadStream, existsSync } from 'node:fs'
import { open, readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import type { BackupKind } from './names'

export const MANIFEST = 'manifest.json'
export const DATABASE_FILE = 'database.sqlite'
export const MEDIA_FOLDER = 'media'
export const FORMAT = 'csp-hub-backup'
export const FORMAT_VERSION = 1

export interface FileEntry {
  /** Relative to the backup folder, with forward slashes. */
  path: string
  bytes: number
  sha256: string
}

export interface BackupManifest {
  format: typeof FORMAT
  version: typeof FORMAT_VERSION
  name: string
  kind: BackupKind
  startedAt: string
  finishedAt: string
  durationMs: number
  /** Migrations applied to the copied database, oldest first: what schema it has. */
  migrations: string[]
  database: FileEntry
  media: FileEntry[]
  /** Database plus media, in bytes. */
  totalBytes: number
  /** Where the copy came from, for the person restoring it. */
  source: { database: string; media: string }
}

/** A backup that cannot be used, with a message for the person who asked for it. */
export class BackupError extends Error {
  override name = 'BackupError'
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** Size and checksum of a file, flushed to disk first (VACUUM INTO and fs.cp do not fsync). */
export async function describeFile(folder: string, relative: string): Promise<FileEntry> {
  const file = path.join(folder, relative)
  const handle = await open(file, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
  return { path: relative.split(path.sep).join('/'), bytes: (await stat(file)).size, sha256: await sha256File(file) }
}

/** Every file under a folder, relative to `base`, in a stable order. */
export async function listFiles(base: string, folder = base): Promise<string[]> {
  if (!existsSync(folder)) return []
  const files: string[] = []
  for (const entry of (await readdir(folder, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(folder, entry.name)
    if (entry.isDirectory()) files.push(...(await listFiles(base, full)))
    else if (entry.isFile()) files.push(path.relative(base, full))
  }
  return files
}

export async function readManifest(folder: string): Promise<BackupManifest> {
  if (!existsSync(folder)) throw new BackupError(`There is no backup at ${folder}.`)
  if (!(await stat(folder)).isDirectory()) throw new BackupError(`${folder} is a file; a backup is a folder holding ${MANIFEST}, ${DATABASE_FILE} and ${MEDIA_FOLDER}/.`)
  const file = path.join(folder, MANIFEST)
  if (!existsSync(file)) {
    throw new BackupError(
      `${folder} has no ${MANIFEST}, so it is not a complete backup. A backup gets its manifest only when every file ` +
        `is written; a folder without one was interrupted (or is not a backup). Choose another.`,
    )
  }
  let manifest: BackupManifest
  try {
    manifest = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    throw new BackupError(`${file} is not valid JSON (${(error as Error).message}); the backup is damaged.`)
  }
  if (manifest?.format !== FORMAT || manifest.version !== FORMAT_VERSION || !manifest.database?.sha256 || !Array.isArray(manifest.media)) {
    throw new BackupError(`${file} is not a CSP Hub backup manifest (format ${FORMAT} version ${FORMAT_VERSION}).`)
  }
  return manifest
}

/**
 * Reads the manifest and checks every file it names against its size and SHA-256, so a restore
 * never starts from a copy that was cut short or damaged later. Returns the manifest.
 */
export async function verifyBackup(folder: string): Promise<BackupManifest> {
  const manifest = await readManifest(folder)
  for (const entry of [manifest.database, ...manifest.media]) {
    const file = path.join(folder, ...entry.path.split('/'))
    if (!existsSync(file)) throw new BackupError(`The backup ${folder} is incomplete: ${entry.path} is missing.`)
    const bytes = (await stat(file)).size
    if (bytes !== entry.bytes) throw new BackupError(`The backup ${folder} is damaged: ${entry.path} is ${bytes} bytes, the manifest says ${entry.bytes}.`)
    if ((await sha256File(file)) !== entry.sha256) throw new BackupError(`The backup ${folder} is damaged: ${entry.path} does not match its checksum.`)
  }
  return manifest
}

/** fsync a directory, so a rename inside it survives a power cut. */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
