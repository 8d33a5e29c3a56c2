/**
 * npm run restore -- <backup>
 * Puts a backup made by the nightly job (or before a migration) back in place of the embedded
 * SQLite database and the media folder. <backup> is a folder, a folder name in BACKUP_DIR, or
 * `latest`. Without one, lists the backups. Refuses while the CMS runs. What was there before is
 * kept in a dated folder beside the database, restorable the same way. See docs/backups.md.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { exitWith, ports } from './lib/env'
import { chooseDatabase, ConfigError } from '../cms/database-choice'
import { listBackups } from '../cms/backups/backup'
import { BackupError } from '../cms/backups/manifest'
import { backupDir, backupTarget } from '../cms/backups/paths'
import { restoreBackup } from '../cms/backups/restore'

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const shown = (file: string) => path.relative(process.cwd(), file) || '.'

async function list() {
  const backups = await listBackups(backupDir())
  if (!backups.length) {
    console.log(`No backups in ${shown(backupDir())} (BACKUP_DIR). The CMS makes one every night at 02:00 and before every migration.`)
    return
  }
  console.log(`Backups in ${shown(backupDir())}, newest last:`)
  for (const { name, manifest } of backups) {
    console.log(`  ${name.padEnd(40)} ${megabytes(manifest.totalBytes).padStart(9)}  ${manifest.media.length} media files`)
  }
  console.log('\nRestore one with: npm run restore -- <name>   (or: npm run restore -- latest)')
}

/** A path, a name in BACKUP_DIR, or `latest`. */
async function resolveBackup(argument: string): Promise<string> {
  if (argument === 'latest') {
    const newest = (await listBackups(backupDir())).at(-1)
    if (!newest) throw new BackupError(`There are no complete backups in ${shown(backupDir())} (BACKUP_DIR).`)
    return path.join(backupDir(), newest.name)
  }
  const asGiven = path.resolve(argument)
  if (existsSync(asGiven)) return asGiven
  const inBackupDir = path.join(backupDir(), argument)
  if (existsSync(inBackupDir)) return inBackupDir
  throw new BackupError(`There is no backup called ${argument}: neither ${asGiven} nor ${inBackupDir} exists. Run npm run restore without arguments to list the backups.`)
}

try {
  const argument = process.argv.slice(2).find((arg) => arg !== '--')
  if (chooseDatabase(process.env.DATABASE_URI).kind !== 'sqlite') {
    throw new ConfigError('npm run restore restores the embedded SQLite database. For MongoDB use mongorestore, or `npm run seed -- --from <export>` (docs/backups.md).')
  }
  if (!argument) {
    await list()
    process.exit(0)
  }
  const folder = await resolveBackup(argument)
  const target = { ...backupTarget(), cmsPort: ports.cms }
  const result = await restoreBackup(folder, target)
  const { manifest } = result
  console.log(`Restored ${manifest.name} (${manifest.kind}, made ${manifest.startedAt}) in ${(result.durationMs / 1000).toFixed(1)} s:`)
  console.log(`  database  ${shown(target.databaseFile)}  ${megabytes(manifest.database.bytes)}`)
  console.log(`  media     ${shown(target.mediaDir)}  ${manifest.media.length} files, ${megabytes(manifest.totalBytes - manifest.database.bytes)}`)
  if (result.previous) {
    console.log(`What was there before is kept in ${shown(result.previous)}`)
    console.log(`  (to undo: npm run restore -- ${shown(result.previous)}; delete the folder once you no longer need it).`)
  }
  console.log(`Anything saved after ${manifest.startedAt} is not in the restored copy.`)
  if (result.pendingMigrations.length) {
    console.log(`The next start applies ${result.pendingMigrations.length} newer migration(s) (${result.pendingMigrations.join(', ')}), after backing up first.`)
  }
  console.log('Start the CMS again with npm start (or npm run cms).')
  process.exit(0)
} catch (error) {
  if (error instanceof BackupError) {
    console.error(`\nNot restored: ${error.message}\n`)
    process.exit(1)
  }
  exitWith(error)
}
