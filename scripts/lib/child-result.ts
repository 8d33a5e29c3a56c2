/**
 * How the processes of a site build tell their parent how it went: one structured message over
 * the IPC channel `fork` opens, never a line in their output. The CMS forks scripts/build.ts,
 * which forks scripts/lib/astro-build.mjs. A child sends { ok: true, ...figures } or
 * { ok: false, error } and exits; a child that ends without sending one (killed, out of memory,
 * a crash before it could report) is a failure named by its exit code or signal. Output is for
 * people: shown or discarded, never read to learn the result.
 */
import { fork, type ChildProcess } from 'node:child_process'

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
  const { show = false, started, execArgv = [], ...rest } = options
  return new Promise((resolve, reject) => {
    const child = fork(module, args, { ...rest, execArgv, stdio: ['ignore', show ? 'inherit' : 'ignore', show ? 'inherit' : 'pipe', 'ipc'] })
    started?.(child)
    let report: Report<T> | undefined
    let stderr = ''
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

/** An error's message, as the report's `error`. */
export const reason = (error: unknown) => (error instanceof Error ? error.message : String(error))
