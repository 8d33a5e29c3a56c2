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
import type { Exclusion } from '../../site/lib/payload-loader'
import type { BuildRun } from './builder'

const RESULT = /^BUILD_RESULT (\{.*\})$/m
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g

const withoutPublishing = ({ CSP_HUB_PUBLISH: _publish, CSP_HUB_STARTUP_BUILD: _startup, ...env }: NodeJS.ProcessEnv) => env

/** Runs `tsx scripts/build.ts --skip-seed`; resolves with its result or rejects with the reason. */
export type BuildOutcome = { pages: number; seconds: number; excluded?: Exclusion[] }

/** What editors read in the build log about records left out. */
export const describeExclusions = (excluded: Exclusion[]) =>
  excluded.length
    ? `Live, but ${excluded.length} record${excluded.length === 1 ? ' was' : 's were'} left out because ${excluded.length === 1 ? 'it does' : 'they do'} not pass the site's checks; fix ${excluded.length === 1 ? 'it' : 'them'} in the CMS:\n` +
      excluded.map((e) => `- ${e.collection} “${e.title}” (id ${e.id}): ${e.problem}`).join('\n')
    : null

export function buildInChildProcess(env: NodeJS.ProcessEnv = process.env): Promise<BuildOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(projectRoot, 'node_modules', '.bin', 'tsx'), ['scripts/build.ts', '--skip-seed'], {
      cwd: projectRoot,
      // The build reads the CMS as a visitor; it must not act as the publishing CMS (its Payload would
      // otherwise log a start-up build and mark the very build that runs it as failed).
      env: { ...withoutPublishing(env), PATH: `${path.join(projectRoot, 'node_modules', '.bin')}${path.delimiter}${env.PATH ?? ''}` },
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

const STARTUP_RECORDED = Symbol.for('csp-hub.startup-recorded')

/** The build `npm start` runs before the CMS starts, handed to the CMS to record (CSP_HUB_STARTUP_BUILD). */
export type StartupBuild = { status: 'succeeded' | 'failed'; startedAt: string; finishedAt: string; pages?: number; excluded?: Exclusion[]; error?: string | null }

/**
 * When the CMS starts with publishing on: builds left 'running' by a CMS that was stopped or killed
 * are marked failed (the switch-in never happened, so the previous site stayed live), and the
 * start-up build is written to the build log, where the dashboard shows a failure until fixed.
 */
export async function recordStartup(payload: Payload, startup = process.env.CSP_HUB_STARTUP_BUILD): Promise<void> {
  // Next may initialise Payload more than once in one CMS process (per route bundle, lazily), so
  // this must be idempotent: it only touches builds that started before this process did, and
  // logs the start-up build only if it is not in the log yet.
  const holder = globalThis as { [STARTUP_RECORDED]?: Promise<void> }
  holder[STARTUP_RECORDED] ??= (async () => {
    const processStarted = new Date(Date.now() - process.uptime() * 1000).toISOString()
    await payload.update({
      collection: 'site-builds',
      where: { and: [{ status: { equals: 'running' } }, { startedAt: { less_than: processStarted } }] },
      data: { status: 'failed', finishedAt: new Date().toISOString(), error: 'The CMS stopped during this build; the previous site stayed live.' },
    })
    if (!startup) return
    const build = JSON.parse(startup) as StartupBuild
    const trigger = `npm start (${build.startedAt})`
    if ((await payload.count({ collection: 'site-builds', where: { trigger: { equals: trigger } } })).totalDocs > 0) return
    await payload.create({
      collection: 'site-builds',
      data: {
        label: `Start-up build at ${build.startedAt.slice(0, 19).replace('T', ' ')} UTC`,
        status: build.status,
        trigger,
        startedAt: build.startedAt,
        finishedAt: build.finishedAt,
        durationMs: Date.parse(build.finishedAt) - Date.parse(build.startedAt),
        pages: build.pages ?? null,
        excluded: build.excluded ?? [],
        error: build.error ?? null,
      },
    })
  })()
  await holder[STARTUP_RECORDED]
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
      const { pages, excluded = [] } = await build()
      const hookProblem = await callDeployHook({ event: 'site.published', build: row.id, startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), pages, changes: reasons })
      const leftOut = describeExclusions(excluded)
      await finish({ status: 'succeeded', pages, excluded, error: [leftOut, hookProblem].filter(Boolean).join('\n') || null })
      payload.logger.info(`Site rebuilt (${pages} pages) in ${((Date.now() - startedAt.getTime()) / 1000).toFixed(1)} s: ${reasons.join('; ')}`)
      if (leftOut) payload.logger.warn(leftOut)
    } catch (error) {
      const message = (error as Error).message
      await finish({ status: 'failed', error: message })
      payload.logger.error(`Site build failed; the previous site is still live. ${message}`)
      throw error
    }
  }
}
