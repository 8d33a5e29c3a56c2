import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import path from 'node:path'
import { projectRoot } from './env'

/** A binary from node_modules/.bin, started with the project's Node (first on PATH in npm scripts). */
export const bin = (name: string) => path.join(projectRoot, 'node_modules', '.bin', name)

/**
 * Starts a long-running child in its own process group, so stopping it also stops whatever it
 * started (`next start` forks a next-server that outlives a plain kill of its parent).
 */
export function start(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  return spawn(command, args, { cwd: projectRoot, stdio: 'inherit', detached: true, ...options })
}

/** SIGTERM to the child's whole group, then SIGKILL if it has not gone within `graceMs`. */
export function stopGroup(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return Promise.resolve()
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name)
    } catch {
      // already gone
    }
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => signal('SIGKILL'), graceMs)
    child.once('exit', () => {
      clearTimeout(timer)
      signal('SIGKILL') // anything the child left behind in its group
      resolve()
    })
    signal('SIGTERM')
  })
}

/**
 * Runs to completion; rejects naming the step that failed. With `capture`, the child's output is
 * kept (the last 8 KB) and put in the error instead of being printed.
 */
export function run(command: string, args: string[], { capture = false, ...options }: SpawnOptions & { capture?: boolean } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: projectRoot, stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit', ...options })
    let output = ''
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8192)
    }
    child.stdout?.on('data', keep)
    child.stderr?.on('data', keep)
    child.on('error', reject)
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(command)} ${args.join(' ')} failed (${signal ?? `exit ${code}`})${output ? `:\n${output}` : ''}`)),
    )
  })
}
