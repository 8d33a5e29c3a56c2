/**
 * How the processes of a site build tell their parent how it went: one structured message over
 * the IPC channel `fork` opens, never a line in their output. The CMS forks scripts/build.ts,
 * which forks scripts/lib/astro-build.mjs. A child sends { ok: true, ...figures } or
 * { ok: false, error } and exits; a child that ends without sending one (killed, out of memory,
 * a crash before it could report) is a failure named by its exit code or signal. Output is for
 * people: shown or discarded, never read to learn the result.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { getPriority, setPriority } from 'node:os'
import { GO, HOLD, PROGRESS, SERVE, WAITING } from './held.mjs'

export { heldUntilGo } from './held.mjs'

export type Report<T extends object> = ({ ok: true } & T) | { ok: false; error: string }

/** In the child: sends the report to the parent, if it was forked by one, and resolves once it has gone. */
export function sendReport<T extends object>(report: Report<T>): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) return resolve()
    process.send(report, undefined, {}, (error: Error | null) => (error ? reject(error) : resolve()))
  })
}

const isReport = (message: unknown): message is Report<object> =>
  typeof message === 'object' && message !== null && typeof (message as { ok?: unknown }).ok === 'boolean'

export type ForkForReport = {
  env?: NodeJS.ProcessEnv
  cwd?: string
  /** Node options for the child, e.g. ['--import', 'tsx'] for TypeScript (default none). */
  execArgv?: string[]
  /** Show the child's output (someone is watching a terminal); otherwise it is discarded. */
  show?: boolean
  /** Called with the child as soon as it has started (e.g. to sample its memory). */
  started?: (child: ChildProcess) => void
}

/**
 * Forks `module` and resolves with the report it sends; rejects with the error it reports, or,
 * if it ends without a report, with how it ended and the last lines it wrote to stderr.
 */
export function forkForReport<T extends object>(what: string, module: string, args: string[], options: ForkForReport = {}): Promise<T> {
  return reportOf<T>(what, forkChild(module, args, options), options)
}

function forkChild(module: string, args: string[], { show = false, started, execArgv = [], ...rest }: ForkForReport): ChildProcess {
  const child = fork(module, args, { ...rest, execArgv, stdio: ['ignore', show ? 'inherit' : 'ignore', show ? 'inherit' : 'pipe', 'ipc'] })
  started?.(child)
  return child
}

function reportOf<T extends object>(what: string, child: ChildProcess, { show = false }: ForkForReport): Promise<T> {
  return new Promise((resolve, reject) => {
    let report: Report<T> | undefined
    let stderr = ''
    if (!show)
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr = (stderr + chunk.toString()).slice(-2000)
      })
    child.on('message', (message) => {
      if (!report && isReport(message)) report = message as Report<T>
    })
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      // A message sent just before exiting may still be in the channel: it is delivered before
      // the channel closes, so the result is read only then.
      const settle = () => {
        if (report?.ok) resolve(report)
        else if (report) reject(new Error(report.error))
        else {
          const last = stderr.trim().split('\n').slice(-5).join('\n')
          reject(new Error(`${what} stopped without reporting a result (${signal ? `signal ${signal}` : `exit code ${code}`}).${last ? `\n${last}` : ''}`))
        }
      }
      if (child.connected) child.once('disconnect', settle)
      else settle()
    })
  })
}

/**
 * A child forked before it is needed, with `--hold`: it loads what it will need (the minutes of a
 * publish are spent once, while nobody waits), then waits for `go(message)` and runs as any
 * forkForReport child. Forked again for every run: a build leaves nothing behind in a process that
 * could reach the next one.
 */
export type Held<T extends object> = {
  /** Starts it; rejects at once if it is no longer there to start (ended while waiting). */
  go(message?: Record<string, unknown>): Promise<T>
  /** Still waiting for go? */
  readonly ready: boolean
  /** Loaded and waiting (it said so): go now starts the run itself, not the loading. */
  readonly loaded: boolean
  /** Ends it without a run (the parent shuts down, or the chance to use it has passed). */
  cancel(): void
}

export function forkHeld<T extends object>(what: string, module: string, args: string[], options: ForkForReport = {}): Held<T> {
  const child = forkChild(module, [...args, HOLD], options)
  // Loading ahead is work nobody waits for: it yields the CPU to the CMS answering requests (on
  // two cores the loading pair took it from the REST API just after every publish). go() gives
  // the priority back.
  prioritise(child, Math.min(19, Math.max(getPriority(), HELD_NICENESS)))
  const report = reportOf<T>(what, child, options)
  let state: 'waiting' | 'started' | 'ended' = 'waiting'
  let loaded = false
  child.on('message', (message) => {
    if (typeof message === 'object' && message !== null && WAITING in message) loaded = true
  })
  report.catch(() => undefined) // a held child that ends unused is no one's failure
  child.once('exit', () => {
    if (state === 'waiting') state = 'ended'
  })
  return {
    get ready() {
      return state === 'waiting' && child.connected
    },
    get loaded() {
      return loaded && state === 'waiting' && child.connected
    },
    go(message = {}) {
      if (state !== 'waiting' || !child.connected) return Promise.reject(new Error(`${what} was not waiting any more.`))
      state = 'started'
      // As high as the parent's own: a build someone waits for. Raising a priority back needs
      // root or RLIMIT_NICE on Linux; without them the build runs niced, which costs it nothing
      // on an idle machine.
      prioritise(child, getPriority())
      child.send({ [GO]: true, ...message })
      return report
    },
    cancel() {
      if (state === 'waiting') child.kill()
      state = 'ended'
    },
  }
}

/**
 * A child that stays (`--serve`, held.mjs serveRuns): it loads what it needs once, says it is
 * waiting, then runs one job per `run(message)`, one at a time, and stays for the next. For state
 * that is worth keeping between runs and is made safe to keep (the warm renderer, scripts/lib/warm/).
 */
export type Serving<T extends object> = {
  /**
   * Runs one job: resolves with its report, rejects with its error or with how the child ended.
   * `onProgress` hears what the job says before it ends (held.mjs serveRuns `progress`); the job
   * goes on while it runs, and its report waits for it.
   */
  run(message?: Record<string, unknown>, onProgress?: (news: Record<string, unknown>) => void | Promise<void>): Promise<T>
  /** Loaded, waiting, and not running a job. */
  readonly idle: boolean
  /** Still there (loading, waiting or running). */
  readonly alive: boolean
  /** Said it was waiting at least once (it loaded), whatever it is doing now. */
  readonly loaded: boolean
  /** How it ended (exit code or signal, and its last words on stderr), or null while alive. */
  readonly ended: string | null
  /** Its process id (for tests that kill it). */
  readonly pid: number | undefined
  /** Ends it (the parent shuts down, or what it holds is out of date). */
  stop(): void
}

export function forkServing<T extends object>(what: string, module: string, args: string[], options: ForkForReport = {}): Serving<T> {
  const child = forkChild(module, [...args, SERVE], options)
  // Its loading is work nobody waits for (as a held child's); its runs are someone's publish.
  prioritise(child, Math.min(19, Math.max(getPriority(), HELD_NICENESS)))
  let loaded = false
  let ended: string | null = null
  let current: { resolve: (report: T) => void; reject: (error: Error) => void; onProgress?: (news: Record<string, unknown>) => void | Promise<void>; heard: Promise<unknown> } | null = null
  let stderr = ''
  if (!options.show)
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000)
    })
  child.on('message', (message) => {
    if (typeof message === 'object' && message !== null && WAITING in message) loaded = true
    else if (current && typeof message === 'object' && message !== null && PROGRESS in message) {
      const { [PROGRESS]: _progress, ...news } = message as Record<string, unknown>
      const job = current
      // A listener's failure is its own to report; the report still waits for it to finish.
      job.heard = job.heard.then(() => job.onProgress?.(news)).catch(() => undefined)
    } else if (current && isReport(message)) {
      const { resolve, reject, heard } = current
      current = null
      void heard.then(() => {
        if (message.ok) resolve(message as T)
        else reject(new Error((message as { error: string }).error))
      })
    }
  })
  const end = (why: string) => {
    ended ??= why
    if (current) {
      const last = stderr.trim().split('\n').slice(-5).join('\n')
      const job = current
      current = null
      void job.heard.then(() => job.reject(new Error(`${what} stopped without reporting a result (${why}).${last ? `\n${last}` : ''}`)))
    }
  }
  child.on('error', (error) => end(error.message))
  child.on('exit', (code, signal) => end(signal ? `signal ${signal}` : `exit code ${code}`))
  return {
    get idle() {
      return loaded && !ended && !current && child.connected
    },
    get alive() {
      return !ended
    },
    get loaded() {
      return loaded
    },
    get pid() {
      return child.pid
    },
    get ended() {
      if (!ended) return null
      const last = stderr.trim().split('\n').slice(-3).join('\n')
      return `${ended}${last ? `: ${last}` : ''}`
    },
    run(message = {}, onProgress) {
      if (ended || !child.connected) return Promise.reject(new Error(`${what} is not running any more${ended ? ` (${ended})` : ''}.`))
      if (current) return Promise.reject(new Error(`${what} is still running a job.`))
      prioritise(child, getPriority())
      return new Promise<T>((resolve, reject) => {
        current = { resolve, reject, onProgress, heard: Promise.resolve() }
        child.send({ [GO]: true, ...message })
      })
    },
    stop() {
      if (!ended) child.kill()
      end('stopped')
    },
  }
}

/** The niceness of a held child while it waits (0 is normal, 19 the lowest priority). */
export const HELD_NICENESS = 10

function prioritise(child: ChildProcess, niceness: number) {
  try {
    if (child.pid) setPriority(child.pid, niceness)
  } catch {
    // Not permitted (raising a priority without root) or already gone: it runs as it is.
  }
}

/** An error's message, as the report's `error`. */
export const reason = (error: unknown) => (error instanceof Error ? error.message : String(error))
