/**
 * npm run cms — the CMS alone (admin at /admin, REST API at /api) on CMS_PORT (3000), in
 * production mode. Seeds an empty embedded database first, like npm start.
 */
import { childEnv, exitWith, ports } from './lib/env'
import { ensureAdminBuild } from './lib/admin-build'
import { bin, run, start, stopGroup } from './lib/run'

const env = childEnv()
try {
  await run(bin('tsx'), ['scripts/seed.ts', '--if-empty'], { env })
  await ensureAdminBuild(env)
  console.log(`CMS admin: http://localhost:${ports.cms}/admin   REST API: http://localhost:${ports.cms}/api`)
  const cms = start(bin('tsx'), ['scripts/cms-server.ts'], { env: { ...env, CMS_PORT: String(ports.cms) } })
  const stop = () => void stopGroup(cms)
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  cms.on('exit', (code) => process.exit(code ?? 0))
} catch (error) {
  exitWith(error)
}
