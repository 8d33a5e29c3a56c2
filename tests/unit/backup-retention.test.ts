/**
 * Backup folder names and the retention rule (cms/backups/names.ts): 7 daily and 4 weekly copies,
 * the last pre-migration copy always, and never everything deleted after a gap.
 */
import { describe, expect, it } from 'vitest'
import { backupName, backupsToKeep, backupsToPrune, isoWeek, parseBackupName, type BackupEntry, type BackupKind } from '../../cms/backups/names'

const at = (iso: string, kind: BackupKind = 'nightly'): BackupEntry => {
  const time = new Date(iso)
  return { name: backupName(time, kind), time, kind }
}

/** One nightly backup at 02:00 UTC on each of `days` days ending on `last`. */
const nightlies = (last: string, days: number) =>
  Array.from({ length: days }, (_, i) => at(new Date(new Date(`${last}T02:00:00Z`).getTime() - i * 86_400_000).toISOString()))

describe('backup names', () => {
  it('carry the UTC time to the second and the kind, without colons', () => {
    expect(backupName(new Date('2026-11-23T02:00:00.123Z'), 'nightly')).toBe('2026-11-23T02-00-00Z-nightly')
    expect(backupName(new Date('2026-11-23T02:00:00Z'), 'pre-migration', 2)).toBe('2026-11-23T02-00-00Z-pre-migration-2')
  })

  it('parse back to the same time and kind', () => {
    const parsed = parseBackupName('2026-11-23T14-05-09Z-pre-migration')
    expect(parsed?.kind).toBe('pre-migration')
    expect(parsed?.time.toISOString()).toBe('2026-11-23T14:05:09.000Z')
    expect(parseBackupName('2026-11-23T14-05-09Z-manual-3')?.kind).toBe('manual')
  })

  it('do not match interrupted runs or anything else someone put in the folder', () => {
    for (const other of ['.partial-2026-11-23T02-00-00Z-nightly', 'notes.txt', '2026-11-23-nightly', '2026-11-23T02-00-00Z-weekly', '2026-13-45T99-00-00Z-nightly']) {
      expect(parseBackupName(other), other).toBeNull()
    }
  })

  it('sort in time order as plain strings', () => {
    const names = ['2026-11-23T02-00-00Z-nightly', '2026-01-02T10-00-00Z-manual', '2026-11-22T23-59-59Z-pre-migration']
    expect([...names].sort()).toEqual(['2026-01-02T10-00-00Z-manual', '2026-11-22T23-59-59Z-pre-migration', '2026-11-23T02-00-00Z-nightly'])
  })
})

describe('ISO weeks', () => {
  it.each([
    ['2026-01-01T12:00:00Z', '2026-W01'], // a Thursday
    ['2024-12-30T00:00:00Z', '2025-W01'], // Monday of the week holding 2 January 2025
    ['2021-01-03T23:59:59Z', '2020-W53'], // Sunday ending 2020's week 53
    ['2026-11-23T02:00:00Z', '2026-W48'],
    ['2026-11-29T23:00:00Z', '2026-W48'], // the Sunday of the same week
    ['2026-11-30T00:00:00Z', '2026-W49'],
  ])('%s is in %s', (time, week) => {
    expect(isoWeek(new Date(time))).toBe(week)
  })
})

describe('retention: 7 daily and 4 weekly', () => {
  it('keeps the 7 newest days and the newest backup of each of the 4 newest weeks out of 60 nightly copies', () => {
    const all = nightlies('2026-11-23', 60) // 23 Nov 2026 is a Monday
    const kept = [...backupsToKeep(all)].sort()
    // Daily: 17–23 November. Weekly: newest of W48 (23rd, already daily), W47 (22nd, daily),
    // W46 (Sunday 15th) and W45 (Sunday 8th).
    expect(kept).toEqual(
      ['2026-11-08', '2026-11-15', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23'].map((day) => `${day}T02-00-00Z-nightly`),
    )
    expect(backupsToPrune(all)).toHaveLength(60 - 9)
  })

  it('keeps only the newest of several backups on one day as that day’s copy', () => {
    const morning = at('2026-11-23T02:00:00Z')
    const manual = at('2026-11-23T15:30:00Z', 'manual')
    const yesterday = at('2026-11-22T02:00:00Z')
    const kept = backupsToKeep([morning, manual, yesterday], { daily: 7, weekly: 0 })
    expect([...kept].sort()).toEqual([yesterday.name, manual.name].sort())
    expect(backupsToPrune([morning, manual, yesterday], { daily: 7, weekly: 0 }).map((entry) => entry.name)).toEqual([morning.name])
  })

  it('after the machine was off for weeks, keeps the old copies instead of deleting them all', () => {
    const old = nightlies('2026-09-10', 10) // nothing since 10 September
    const fresh = at('2026-11-23T02:00:00Z')
    const kept = backupsToKeep([...old, fresh])
    expect(kept.has(fresh.name)).toBe(true)
    // Daily: the fresh copy and 5–10 September; the newest copies of the weeks (W48, W37, W36) are among them.
    expect([...kept].sort()).toEqual([...['05', '06', '07', '08', '09', '10'].map((day) => `2026-09-${day}T02-00-00Z-nightly`), fresh.name])
  })

  it('always keeps the newest pre-migration copy, however old', () => {
    const beforeMigration = at('2026-10-01T09:00:00Z', 'pre-migration')
    const olderPreMigration = at('2026-09-01T09:00:00Z', 'pre-migration')
    const all = [...nightlies('2026-11-23', 40), beforeMigration, olderPreMigration]
    const kept = backupsToKeep(all)
    expect(kept.has(beforeMigration.name)).toBe(true)
    expect(kept.has(olderPreMigration.name)).toBe(false)
  })

  it('keeps everything when there are fewer backups than the allowance, and nothing when there are none', () => {
    const few = nightlies('2026-11-23', 3)
    expect(backupsToPrune(few)).toEqual([])
    expect(backupsToKeep([]).size).toBe(0)
  })

  it('prunes oldest first', () => {
    const pruned = backupsToPrune(nightlies('2026-11-23', 30))
    const times = pruned.map((entry) => entry.time.getTime())
    expect(times).toEqual([...times].sort((a, b) => a - b))
  })
})
