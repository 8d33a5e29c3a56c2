/**
 * Watches a process and all its descendants through /proc (Linux): every ~100 ms it sums the
 * resident set size of the whole tree (node → astro, pagefind, …).
 *
 * RSS summed over processes counts pages shared between them (libraries, copy-on-write) once per
 * process, so the figure is an upper bound of what the tree really holds.
 */
import { readdirSync, readFileSync } from 'node:fs'

const PAGE = 4096

/** Clock ticks per second of utime/stime in /proc/<pid>/stat (USER_HZ: 100 on Linux). */
const TICKS = 100

function readProc(pid: string): { ppid: number; rss: number; cpuTicks: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name is in parentheses and may contain spaces: fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const ppid = Number(fields[1])
    const rss = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE
    // utime and stime (stat fields 14 and 15).
    const cpuTicks = Number(fields[11]) + Number(fields[12])
    return { ppid, rss, cpuTicks }
  } catch {
    return null // gone between readdir and read
  }
}

export type TreeSample = { rssBytes: number; pids: number[]; cpuSeconds: number }

/** One reading of the tree rooted at `root`. */
export function sampleTree(root: number): TreeSample {
  const children = new Map<number, number[]>()
  const rss = new Map<number, number>()
  const cpu = new Map<number, number>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    const info = readProc(name)
    if (!info) continue
    const pid = Number(name)
    rss.set(pid, info.rss)
    cpu.set(pid, info.cpuTicks)
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
  return { rssBytes: pids.reduce((sum, pid) => sum + (rss.get(pid) ?? 0), 0), pids, cpuSeconds: pids.reduce((sum, pid) => sum + (cpu.get(pid) ?? 0), 0) / TICKS }
}

export type Watch = {
  /** Stops sampling; peak RSS of the tree in MB. */
  stop(): { peakRssMb: number }
}

/** Samples the tree every `intervalMs` until stop(). */
export function watchTree(root: number, intervalMs = 100): Watch {
  let peak = 0
  const tick = () => {
    peak = Math.max(peak, sampleTree(root).rssBytes)
  }
  tick()
  const timer = setInterval(tick, intervalMs)
  return {
    stop() {
      clearInterval(timer)
      return { peakRssMb: Math.round(peak / 1024 / 1024) }
    },
  }
}

/**
 * Resolves once the tree rooted at `root` has used less than `share` of one core over `windowMs`
 * (the CPU of processes that ended inside a window is not counted), or rejects after `timeoutMs`:
 * "the product has finished what it does after starting" without knowing what that is.
 */
export async function untilQuiet(root: number, { windowMs = 3000, share = 0.05, timeoutMs = 600_000 } = {}): Promise<number> {
  const started = performance.now()
  let before = sampleTree(root).cpuSeconds
  for (;;) {
    await new Promise((r) => setTimeout(r, windowMs))
    const now = sampleTree(root).cpuSeconds
    if (now - before < (share * windowMs) / 1000) return (performance.now() - started) / 1000
    if (performance.now() - started > timeoutMs) throw new Error(`process ${root} and its children were still busy after ${timeoutMs / 1000} s`)
    before = now
  }
}
