/**
 * tsx bench/warm/prepare.ts <dir> <N> — the warm-renderer spike's input (bench/warm/README.md):
 * the bench's corpus of N entries (bench/corpus.ts), seeded into a fresh SQLite file with the real
 * seeder, and the JSON snapshot of every read the site build makes (bench/snapshot.ts), so the
 * spike's builds and renders run with no CMS. Same steps as bench/run.ts benchSize, without the builds.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { projectRoot, withProjectBin } from '../../scripts/lib/env'
import { DEFAULT_SEED, writeCorpus } from '../corpus'

const [dirArg, nArg] = process.argv.slice(2)
if (!dirArg || !nArg) throw new Error('usage: tsx bench/warm/prepare.ts <dir> <N>')
const dir = path.resolve(dirArg)
mkdirSync(dir, { recursive: true })
const env = {
  ...process.env,
  PATH: withProjectBin(process.env.PATH),
  DATABASE_URI: `file:${path.join(dir, 'cms.db')}`,
  MEDIA_DIR: path.join(dir, 'media'),
  PAYLOAD_SECRET: 'bench-secret-0123456789abcdef0123456789abcdef',
  ADMIN_EMAIL: 'bench@example.org',
  ADMIN_PASSWORD: 'bench-password-0123456789',
  CSP_HUB_JOBS: 'off',
}
const corpus = path.join(dir, 'corpus')
await writeCorpus(corpus, Number(nArg), DEFAULT_SEED)
const bin = (name: string) => path.join(projectRoot, 'node_modules', '.bin', name)
execFileSync(bin('tsx'), ['scripts/seed.ts', '--from', corpus], { cwd: projectRoot, env, stdio: 'inherit' })
execFileSync(bin('tsx'), ['bench/snapshot.ts', path.join(dir, 'snapshot.json')], { cwd: projectRoot, env, stdio: 'inherit' })
