/**
 * Environment for a throwaway CMS: its own SQLite file, a fixed test secret and a known admin, so
 * no test touches the developer's .data/csp-hub.db.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { withProjectBin } from '../../scripts/lib/env'

export const TEST_ADMIN = { email: 'admin@example.org', password: 'correct-horse-battery-staple' }

export function throwawayEnv(label: string): NodeJS.ProcessEnv & { DATABASE_URI: string; TEST_DIR: string } {
  const dir = mkdtempSync(path.join(tmpdir(), `csp-hub-${label}-`))
  return {
    ...process.env,
    PATH: withProjectBin(process.env.PATH),
    TEST_DIR: dir,
    DATABASE_URI: `file:${path.join(dir, 'test.db')}`,
    // Uploads go to the throwaway folder too, never to .data/media; and so do database backups.
    MEDIA_DIR: path.join(dir, 'media'),
    BACKUP_DIR: path.join(dir, 'backups'),
    // Mail with no SMTP_URL goes to an outbox folder: this CMS's own, not the developer's .data/outbox.
    EMAIL_OUTBOX_DIR: path.join(dir, 'outbox'),
    PAYLOAD_SECRET: 'test-secret-0123456789abcdef0123456789abcdef',
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    CSP_HUB_JOBS: 'off',
    ASTRO_TELEMETRY_DISABLED: '1',
    NEXT_TELEMETRY_DISABLED: '1',
  }
}
