/**
 * One site build, as the CMS runs it after a publish: a row in the build log (site-builds), the
 * build itself in a child process (scripts/build.ts: Astro → Pagefind → checks → atomic switch),
 * and on success the optional deploy hook. A failure is recorded with its reason; the last good
 * site stays live because the switch only happens after every check has passed.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import type { Payload } from 'payload'
import { projectRoot } from '../paths'
import type { BuildRun } from './builder'

const RESULT = /^BUILD_RESULT (\{.*\})$/m
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g

/** Runs `tsx scripts/build.ts --skip-seed`; resolves with its result or rejects with the reason. */
export function buildInChildProcess(env: NodeJS.ProcessEnv = process.env): Promise<{ pages: number; seconds: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(projectRoot, 'node_modules', '.bin', 'tsx'), ['scripts/build.ts', '--skip-seed'], {
      cwd: projectRoot,
      env: { ...env, PATH: `${path.join(projectRoot, 'node_modules', '.bin')}${path.delimiter}${env.PATH ?? ''}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      const match = output.match(RESULT)
      if (code === 0 && match) return resolve(JSON.parse(match[1]!))
      reject(new Error(explain(output) || `The build stopped (${signal ?? `exit ${code}`}).`))
    })
  })
}

/** The lines of a failed build's output that say why, without colour codes or stack frames. */
export function explain(output: string): string {
  const lines = output
    .replace(ANSI, '')
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() && !/^\s+at /.test(line) && !/^\s*(Location|Stack trace):/.test(line))
  const start = lines.findIndex((line) => /error|cannot|not published|failed|ENOSPC|no space/i.test(line))
  return (start >= 0 ? lines.slice(start, start + 8) : lines.slice(-8)).join('\n').slice(0, 2000)
}

/** POSTs the build result to SITE_DEPLOY_HOOK_URL (a CDN or static host), if configured. */
export async function callDeployHook(body: Record<string, unknown>, url = process.env.SITE_DEPLOY_HOOK_URL): Promise<string | null> {
  if (!url) return null
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    })
    return response.ok ? null : `The deploy hook answered ${response.status}.`
  } catch (error) {
    return `The deploy hook could not be reached: ${(error as Error).message}`
  }
}

export function createBuildRunner(payload: Payload, build = buildInChildProcess): BuildRun {
  return async (reasons) => {
    const startedAt = new Date()
    const row = await payload.create({
      collection: 'site-builds',
      data: { label: `Build at ${startedAt.toISOString().slice(0, 19).replace('T', ' ')} UTC`, status: 'running', trigger: reasons.join('\n'), startedAt: startedAt.toISOString() },
    })
    const finish = (data: Record<string, unknown>) =>
      payload.update({
        collection: 'site-builds',
        id: row.id,
        data: { finishedAt: new Date().toISOString(), durationMs: Date.now() - startedAt.getTime(), ...data },
      })
    try {
      const { pages } = await build()
      const hookProblem = await callDeployHook({ event: 'site.published', build: row.id, startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), pages, changes: reasons })
      await finish({ status: 'succeeded', pages, error: hookProblem })
      payload.logger.info(`Site rebuilt (${pages} pages) in ${((Date.now() - startedAt.getTime()) / 1000).toFixed(1)} s: ${reasons.join('; ')}`)
    } catch (error) {
      const message = (error as Error).message
      await finish({ status: 'failed', error: message })
      payload.logger.error(`Site build failed; the previous site is still live. ${message}`)
      throw error
    }
  }
}
