/**
 * How far a long command is. On a terminal: one line redrawn in place, "Seeding directory entries
 * 2,300 / 10,000 · 12 s". Without one (CI, a log file): a plain line at every tenth of the way or
 * every few seconds, whichever comes first. Nothing at all for work that ends within `quietMs`, so
 * short runs and tests stay quiet.
 */
export type ProgressStream = { write(chunk: string): unknown; isTTY?: boolean }

export type ProgressOptions = {
  stream?: ProgressStream
  /** Milliseconds; injectable so tests need no real clock. */
  now?: () => number
  /** Say nothing until the work has run this long. */
  quietMs?: number
  /** Without a terminal: at most this long between lines. */
  plainEveryMs?: number
  /** On a terminal: redraw at most this often. */
  redrawEveryMs?: number
}

export type Progress = {
  /** `n` more done (default 1). */
  tick(n?: number): void
  /** The total is now known, or changed (a nested step found more to do). */
  setTotal(total: number): void
  /** Finished: a terminal line is completed with a newline; a plain log gets its last line. */
  done(): void
}

const number = (n: number) => n.toLocaleString('en-GB')

export function progress(label: string, total: number, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr
  const now = options.now ?? (() => performance.now())
  const quietMs = options.quietMs ?? 2000
  const plainEveryMs = options.plainEveryMs ?? 5000
  const redrawEveryMs = options.redrawEveryMs ?? 100
  const tty = Boolean(stream.isTTY)
  const started = now()
  let done = 0
  let spoke = false
  let lastWrite = -Infinity
  let lastTenth = 0
  let finished = false
  let lastLine = ''

  const line = () => `${label} ${number(done)} / ${number(total)} · ${Math.round((now() - started) / 1000)} s`
  const write = (final: boolean) => {
    const t = now()
    if (!spoke && t - started < quietMs) return
    if (tty) {
      if (!final && t - lastWrite < redrawEveryMs) return
      stream.write(`\r\x1b[2K${line()}${final ? '\n' : ''}`)
    } else {
      const tenth = total > 0 ? Math.floor((done / total) * 10) : 0
      if (!final && tenth <= lastTenth && t - lastWrite < plainEveryMs) return
      lastTenth = tenth
      const text = line()
      if (final && text === lastLine) return // the last tick already said it
      lastLine = text
      stream.write(`${text}\n`)
    }
    spoke = true
    lastWrite = t
  }

  return {
    tick(n = 1) {
      done += n
      write(false)
    },
    setTotal(next) {
      total = next
    },
    done() {
      if (finished) return
      finished = true
      if (spoke) write(true)
    },
  }
}
