/**
 * Run as a child process by the backup tests against a restored database (a second Payload cannot
 * open in the test's own process): boots the CMS on it — which applies any pending migrations —
 * and prints what the tests check as one line, `INSPECT <json>`.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import { openCms } from '../../scripts/lib/cms'

const payload = await openCms()
const client = (payload.db as unknown as SQLiteAdapter).client
const rows = async (sql: string) => Array.from((await client.execute(sql)).rows)
const organisations = await payload.find({ collection: 'organisations', limit: 0, pagination: false, draft: true, overrideAccess: true, depth: 0 })
const media = await payload.find({ collection: 'media', limit: 0, pagination: false, overrideAccess: true, depth: 0 })
const mediaDir = process.env.MEDIA_DIR!
console.log(
  `INSPECT ${JSON.stringify({
    organisations: organisations.docs.map((doc) => doc.name),
    // Every organisation's version row is there too: each write was one transaction.
    versionlessOrganisations: (await rows('SELECT count(*) AS n FROM organisations WHERE id NOT IN (SELECT parent_id FROM _organisations_v)'))[0]!.n,
    migrations: (await rows('SELECT name FROM payload_migrations ORDER BY id')).map((row) => row.name),
    integrity: (await rows('PRAGMA integrity_check'))[0]!.integrity_check,
    media: media.docs.map((doc) => ({ filename: doc.filename, onDisk: existsSync(path.join(mediaDir, doc.filename!)) })),
    backups: (await payload.count({ collection: 'backups', overrideAccess: true })).totalDocs,
  })}`,
)
await payload.destroy()
process.exit(0)
