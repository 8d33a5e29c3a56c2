import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import path from 'node:path'
import { projectRoot } from './env'

/** A binary from node_modules/.bin, started with the project's Node (first on PATH in npm scripts). */
export const bin = (name: string) => path.join(projectRoot, 'node_modules', '.bin', name)

export function start(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  return spawn(command, args, { cwd: projectRoot, stdio: 'inherit', ...options })
}

/** Runs to completion; rejects with the exit code so callers can report which step failed. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = start(command, args, options)
    child.on('error', reject)
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`)),
    )
  })
}
