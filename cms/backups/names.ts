/**
 * Backup folder names and the retention rule, as pure functions (no file system), so both are
 * unit-tested on their own. A folder name carries its time (UTC) and kind:
 *   2026-11-23T02-00-00Z-nightly
 * so names sort in time order and a listing of BACKUP_DIR reads as a history.
 */

/** Why a copy was made. `before-restore` is the database a restore moved aside (kept beside it). */
export const BACKUP_KINDS = ['nightly', 'pre-migration', 'manual', 'before-restore'] as const
export type BackupKind = (typeof BACKUP_KINDS)[number]

/** A complete backup is renamed from this prefix only once its manifest is written. */
export const PARTIAL_PREFIX = '.partial-'

const NAME = new RegExp(`^(\\d{4}-\\d{2}-\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})Z-(${BACKUP_KINDS.join('|')})(?:-(\\d+))?$`)

/** `2026-11-23T02-00-00Z-nightly` (seconds precision; colons are not allowed in Windows file names). */
export function backupName(time: Date, kind: BackupKind, attempt = 1): string {
  const stamp = time.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-')
  return attempt > 1 ? `${stamp}-${kind}-${attempt}` : `${stamp}-${kind}`
}

export interface BackupEntry {
  name: string
  time: Date
  kind: BackupKind
}

/** The time and kind a backup folder's name says, or null for anything else in the folder. */
export function parseBackupName(name: string): BackupEntry | null {
  const match = NAME.exec(name)
  if (!match) return null
  const [, day, hours, minutes, seconds, kind] = match
  const time = new Date(`${day}T${hours}:${minutes}:${seconds}Z`)
  if (Number.isNaN(time.getTime())) return null
  return { name, time, kind: kind as BackupKind }
}

/** ISO 8601 week of a moment in UTC, e.g. `2026-W48` (weeks start on Monday; week 1 holds 4 January). */
export function isoWeek(time: Date): string {
  const day = new Date(Date.UTC(time.getUTCFullYear(), time.getUTCMonth(), time.getUTCDate()))
  const weekday = (day.getUTCDay() + 6) % 7 // Monday 0 … Sunday 6
  day.setUTCDate(day.getUTCDate() - weekday + 3) // the Thursday of this week decides its year
  const year = day.getUTCFullYear()
  const firstThursday = new Date(Date.UTC(year, 0, 4))
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3)
  const week = 1 + Math.round((day.getTime() - firstThursday.getTime()) / (7 * 86_400_000))
  return `${year}-W${String(week).padStart(2, '0')}`
}

export interface RetentionPolicy {
  /** Keep the newest backup of each of this many most recent days that have one. */
  daily: number
  /** …and of each of this many most recent ISO weeks that have one. */
  weekly: number
}

export const RETENTION: RetentionPolicy = { daily: 7, weekly: 4 }

/**
 * Which backups to keep: the newest of each of the last `daily` days and `weekly` ISO weeks that
 * have a backup (UTC), plus the newest pre-migration copy, so the database as it was before the
 * last schema change can always be had back. Days without a backup (the machine was off) do not
 * use up the allowance: after a long gap the old copies are kept, not all deleted at once.
 */
export function backupsToKeep(entries: readonly BackupEntry[], policy: RetentionPolicy = RETENTION): Set<string> {
  const newestFirst = [...entries].sort((a, b) => b.time.getTime() - a.time.getTime() || b.name.localeCompare(a.name))
  const keep = new Set<string>()
  const newestPerBucket = (bucketOf: (time: Date) => string, count: number) => {
    const seen = new Set<string>()
    for (const entry of newestFirst) {
      const bucket = bucketOf(entry.time)
      if (seen.has(bucket)) continue
      if (seen.size >= count) break
      seen.add(bucket)
      keep.add(entry.name)
    }
  }
  newestPerBucket((time) => time.toISOString().slice(0, 10), policy.daily)
  newestPerBucket(isoWeek, policy.weekly)
  const lastPreMigration = newestFirst.find((entry) => entry.kind === 'pre-migration')
  if (lastPreMigration) keep.add(lastPreMigration.name)
  return keep
}

/** The complement of backupsToKeep, oldest first: what retention deletes. */
export function backupsToPrune(entries: readonly BackupEntry[], policy: RetentionPolicy = RETENTION): BackupEntry[] {
  const keep = backupsToKeep(entries, policy)
  return entries.filter((entry) => !keep.has(entry.name)).sort((a, b) => a.time.getTime() - b.time.getTime())
}
