/**
 * Watches a process and all its descendants through /proc (Linux): every ~100 ms it sums the
 * resident set size of the whole tree (node → astro, pagefind, …).
 *
 * RSS summed over processes counts pages shared between them (libraries, copy-on-write) once per
 * process, so the figure is an upper bound of what the tree really holds.
 */
import { readdirSync, readFileSync } from 'node:fs'

const PAGE = 4096

function readProc(pid: string): { ppid: number; rss: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name is in parentheses and may contain spaces: fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const ppid = Number(fields[1])
    const rss = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE
    return { ppid, rss }
  } catch {
    return null // gone between readdir and read
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
