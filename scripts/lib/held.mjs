/**
 * The child's side of a held fork (child-result.ts forkHeld): plain JavaScript, because the Astro
 * step (astro-build.mjs) runs without tsx. A child forked with `--hold` loads what it will need,
 * then waits here for the parent's go.
 */
export const HOLD = '--hold'
export const GO = 'csp-hub:go'
/** Sent by a held child once it has loaded what it needs and waits for go. */
export const WAITING = 'csp-hub:waiting'

/**
 * If this process was forked held, waits for the parent's go and resolves with its message; if
 * not, resolves with null at once. A held process whose parent goes away ends quietly.
 * @returns {Promise<Record<string, unknown> | null>}
 */
export function heldUntilGo() {
  if (!process.argv.includes(HOLD) || !process.send) return Promise.resolve(null)
  return new Promise((resolve) => {
    /** @param {unknown} message */
    const onMessage = (message) => {
      if (typeof message !== 'object' || message === null || !(GO in message)) return
      process.off('message', onMessage)
      process.off('disconnect', onGone)
      const { [GO]: _go, ...rest } = /** @type {Record<string, unknown>} */ (message)
      resolve(rest)
    }
    const onGone = () => process.exit(0)
    process.on('message', onMessage)
    process.once('disconnect', onGone)
    process.send?.({ [WAITING]: true })
  })
}

export const SERVE = '--serve'
/** Sent by a served child during a job, for the parent's onProgress (the job is not over). */
export const PROGRESS = 'csp-hub:progress'

/**
 * The child's side of a served fork (child-result.ts forkServing): a process that stays and runs
 * one job per go, one at a time, each answered with a report ({ ok: true, ...result } or
 * { ok: false, error }). It says it is waiting once it is ready; it ends quietly when its parent
 * goes. `describe` turns a thrown error into the report's words. A job may tell the parent how far
 * it is with `progress(news)` (the parent's `run(message, onProgress)`), before its report.
 * @param {(message: Record<string, unknown>, progress: (news: Record<string, unknown>) => Promise<void>) => Promise<Record<string, unknown>>} run
 * @param {(error: unknown) => string} describe
 */
export function serveRuns(run, describe) {
  if (!process.send) throw new Error(`${SERVE} needs a parent that forked this process.`)
  let queue = Promise.resolve()
  process.on('message', (message) => {
    if (typeof message !== 'object' || message === null || !(GO in message)) return
    const { [GO]: _go, ...rest } = /** @type {Record<string, unknown>} */ (message)
    queue = queue.then(async () => {
      /** @type {Record<string, unknown>} */
      let report
      try {
        /** @param {Record<string, unknown>} news */
        const progress = (news) => new Promise((resolve) => process.send?.({ [PROGRESS]: true, ...news }, undefined, {}, () => resolve(undefined)))
        report = { ok: true, ...(await run(rest, progress)) }
      } catch (error) {
        report = { ok: false, error: describe(error) }
      }
      await new Promise((resolve) => process.send?.(report, undefined, {}, resolve))
    })
  })
  process.once('disconnect', () => process.exit(0))
  process.send({ [WAITING]: true })
}
