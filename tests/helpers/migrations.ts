/**
 * Takes a test database back to before the migration whose name matches `name`, as an install
 * that has not updated yet: that migration and every later one are undone, newest first (each
 * one's `down` expects the tables as it left them), and forgotten, so the next `migrate` runs them.
 */
import type { Payload } from 'payload'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import { migrations } from '../../cms/migrations'

export async function rollBackTo(payload: Payload, name: RegExp): Promise<void> {
  const from = migrations.findIndex((m) => name.test(m.name))
  if (from < 1) throw new Error(`no migration after the first matches ${name}`)
  const db = payload.db as unknown as SQLiteAdapter
  for (const later of migrations.slice(from).reverse()) {
    await later.down({ db: db.drizzle, payload, req: {} } as never)
    await db.client.execute({ sql: 'DELETE FROM payload_migrations WHERE name = ?', args: [later.name] })
  }
}
