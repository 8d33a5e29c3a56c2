/**
 * What the site reads once per build and keeps: the languages, the site-wide key input, the
 * redaction terms, the image metadata, the build time. A build normally runs in its own process,
 * so "once per process" was "once per build". A warm renderer (scripts/lib/warm/) renders one
 * publish after another in the same process, so each such value is made through `perBuild`, and
 * the renderer calls `startNextBuild()` before each publish: nothing read for one publish can
 * reach the next. The resets live on globalThis because Astro's bundle and the loaders run from
 * separate copies of these modules in one process.
 */
const RESETS = Symbol.for('csp-hub:per-build-resets')
const resets = (): Set<() => void> => ((globalThis as { [RESETS]?: Set<() => void> })[RESETS] ??= new Set())

/** `make()`'s value, made once per build (the first call after a start), then shared. */
export function perBuild<T>(make: () => T): () => T {
  let made: { value: T } | undefined
  resets().add(() => {
    made = undefined
  })
  return () => (made ??= { value: make() }).value
}

/** Forgets every value made for the build before: the next call of each makes it again. */
export function startNextBuild(): void {
  for (const reset of resets()) reset()
}
