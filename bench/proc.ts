/**
 * Watches a process and all its descendants through /proc (Linux): every ~100 ms it sums the
 * resident set size of the whole tree (tsx → node → astro, pagefind, …) and notes when processes
 * whose command line matches a label were first and last seen, so the steps of one pipeline run
 * (astro build, pagefind) can be timed without changing the pipeline.
 *
 * RSS summed over processes counts pages shared between them (libraries, copy-on-write) once per
 * process, so the figure is an upper bound of what the tree really holds.
 */
import { readdirSync, readFileSync } from 'node:fs'

const PAGE = 4096

function readProc(pid: string): { ppid: number; rss: number; cmd: string } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name is in parentheses and may contain spaces: fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const ppid = Number(fields[1])
    const rss = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE
    return { ppid, rss, cmd: '' }
  } catch {
    return null // gone between readdir and read
  }
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')
  } catch {
    return ''
  }
}

export type TreeSample = { rssBytes: number; pids: number[] }

/** One reading of the tree rooted at `root`. */
export function sampleTree(root: number): TreeSample {
  const children = new Map<number, number[]>()
  const rss = new Map<number, number>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    const info = readProc(name)
    if (!info) continue
    const pid = Number(name)
    rss.set(pid, info.rss)
    const list = children.get(info.ppid) ?? []
    list.push(pid)
    children.set(info.ppid, list)
  }
  const pids: number[] = []
  const stack = rss.has(root) ? [root] : []
  while (stack.length) {
    const pid = stack.pop()!
    pids.push(pid)
    stack.push(...(children.get(pid) ?? []))
  }
  return { rssBytes: pids.reduce((sum, pid) => sum + (rss.get(pid) ?? 0), 0), pids }
}

export type Watch = {
  /** Stops sampling; peak RSS of the tree in MB, and when each labelled step was first/last seen (ms, performance.now()). */
  stop(): { peakRssMb: number; steps: Record<string, { first: number; last: number }> }
}

/** Samples the tree every `intervalMs` until stop(). `labels` name steps by a command-line pattern. */
export function watchTree(root: number, labels: Record<string, RegExp> = {}, intervalMs = 100): Watch {
  let peak = 0
  const steps: Record<string, { first: number; last: number }> = {}
  const known = new Map<number, string>()
  const tick = () => {
    const now = performance.now()
    const { rssBytes, pids } = sampleTree(root)
    peak = Math.max(peak, rssBytes)
    for (const pid of pids) {
      if (!known.has(pid)) known.set(pid, cmdline(pid))
      const cmd = known.get(pid)!
      for (const [label, pattern] of Object.entries(labels)) {
        if (!pattern.test(cmd)) continue
        steps[label] ??= { first: now, last: now }
        steps[label].last = now
      }
    }
  }
  tick()
  const timer = setInterval(tick, intervalMs)
  return {
    stop() {
      clearInterval(timer)
      return { peakRssMb: Math.round(peak / 1024 / 1024), steps }
    },
  }
}
