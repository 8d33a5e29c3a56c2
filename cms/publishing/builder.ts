/**
 * Turns a stream of "something public changed" signals into site builds:
 * - debounced: saves within `debounceMs` of each other make one build;
 * - single-flight: never two builds at once;
 * - nothing lost: a change that arrives during a build queues exactly one follow-up build that
 *   includes it.
 * Pure scheduling logic; what a build does is the `run` function (see run-build.ts).
 */
export type BuildRun = (reasons: string[]) => Promise<unknown>

export class SiteBuilder {
  private pending: string[] = []
  private timer: NodeJS.Timeout | null = null
  private running: Promise<void> | null = null
  private waiters: (() => void)[] = []

  constructor(
    private readonly run: BuildRun,
    private readonly debounceMs = 1500,
  ) {}

  /** Something public changed; `reason` is shown to editors in the build log. */
  request(reason: string): void {
    if (!this.pending.includes(reason)) this.pending.push(reason)
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => this.flush(), this.debounceMs)
  }

  /** True while a build is queued or running. */
  get busy(): boolean {
    return Boolean(this.timer || this.running || this.pending.length)
  }

  /** Resolves when no build is queued or running (for tests and clean shutdown). */
  idle(): Promise<void> {
    return this.busy ? new Promise((resolve) => this.waiters.push(resolve)) : Promise.resolve()
  }

  private flush(): void {
    this.timer = null
    if (this.running || this.pending.length === 0) return // the running build's finally() picks it up
    const reasons = this.pending.splice(0)
    this.running = this.run(reasons)
      .then(
        () => undefined,
        () => undefined, // run() records its own failures; the builder keeps going
      )
      .finally(() => {
        this.running = null
        if (this.pending.length) this.flush()
        else if (!this.timer) this.waiters.splice(0).forEach((resolve) => resolve())
      })
  }
}
