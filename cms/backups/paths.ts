/**
 * Where backups are made from and to. Light on purpose (no database driver), so
 * `npm run restore` can use it without loading Payload.
 */
import path from 'node:path'
import { chooseDatabase } from '../database-choice'
import { mediaDir } from '../collections/media'
import { projectRoot } from '../paths'
import type { BackupTarget } from './backup'

/** BACKUP_DIR, relative to the project root when not absolute; default .data/backups. */
export const backupDir = () => path.resolve(projectRoot, process.env.BACKUP_DIR || path.join('.data', 'backups'))

/** The live SQLite file ('' on MongoDB), the media folder and BACKUP_DIR, from the environment. */
export function backupTarget(): BackupTarget {
  const choice = chooseDatabase(process.env.DATABASE_URI)
  return { databaseFile: choice.kind === 'sqlite' ? choice.file : '', mediaDir: mediaDir(), backupDir: backupDir() }
}
