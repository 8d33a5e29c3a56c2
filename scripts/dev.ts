/**
 * npm run dev — development with reload: `next dev` for the CMS on :3000 and `astro dev` for the
 * site on :4321. Both reload on code changes; the site reads the CMS's published content through
 * the Local API. (Astro's CSP is not applied in dev mode; `npm start` shows the real thing.)
 */
import type { ChildProcess } from 'node:child_process'
import { childEnv, exitWith, ports } from './lib/env'
import { bin, run, start, stopGroup } from './lib/run'

const env = childEnv({ ASTRO_TELEMETRY_DISABLED: '1' })
const children: ChildProcess[] = []
const stop = () => {
  for (const child of children) void stopGroup(child)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)

try {
  await run(bin('tsx'), ['scripts/seed.ts', '--if-empty'], { env })
  children.push(start(bin('next'), ['dev', 'cms', '--port', String(ports.cms)], { env }))
  children.push(start(bin('astro'), ['dev', '--port', String(ports.site)], { env }))
  console.log(`\n  Site (dev):  http://localhost:${ports.site}\n  CMS admin:   http://localhost:${ports.cms}/admin\n`)
  for (const child of children) child.on('exit', () => { stop(); process.exitCode = child.exitCode ?? 0 })
} catch (error) {
  stop()
  exitWith(error)
}
