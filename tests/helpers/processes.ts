/**
 * Finding and killing everything a test started, whatever the process tree: `npm start` runs its
 * CMS in a process group of its own, tsx runs each script in a child node, and a build runs Astro
 * and Pagefind below that. Every one of them inherits the environment, so the test's own temporary
 * folder (TEST_DIR, from throwawayEnv) marks them all — and nothing else on the machine.
 */
import { readdirSync, readFileSync } from 'node:fs'

export type Proc = { pid: number; cmd: string }

/** Every live process whose environment holds `name=value` (not this one). */
export function processesWithEnv(name: string, value: string): Proc[] {
  const wanted = `${name}=${value}`
  const found: Proc[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue
    try {
      // A zombie's environ reads empty: it is dead already.
      if (!readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0').includes(wanted)) continue
      found.push({ pid: Number(entry), cmd: readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim() })
    } catch {
      // gone while we looked
    }
  }
  return found
}

/**
 * A power cut for one test's processes: SIGKILL to all of them at once (no handler runs, nothing
 * is flushed or cleaned up), repeated until none is left. Returns what was killed.
 */
export async function killAllWithEnv(name: string, value: string, timeoutMs = 10_000): Promise<Proc[]> {
  const killed = new Map<number, Proc>()
  const until = Date.now() + timeoutMs
  for (;;) {
    const alive = processesWithEnv(name, value)
    if (!alive.length) return [...killed.values()]
    if (Date.now() > until) throw new Error(`still alive after SIGKILL: ${alive.map((p) => `${p.pid} ${p.cmd}`).join('; ')}`)
    for (const proc of alive) {
      try {
        process.kill(proc.pid, 'SIGKILL')
        killed.set(proc.pid, proc)
      } catch {
        // already gone
      }
    }
    await new Promise((r) => setTimeout(r, 100))
  }
}
