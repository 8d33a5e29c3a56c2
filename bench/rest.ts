/**
 * Load on the CMS's REST API: `requests` GETs of /api/services list pages with `concurrency`
 * requests in flight, as an anonymous client would page through the directory. Latency is from
 * sending the request to having read the whole body.
 */
import { prng } from './corpus'

export type RestResult = { requests: number; concurrency: number; p50Ms: number; p95Ms: number; errors: number }

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN

/** `query(page)` gives the path and query string of one request, e.g. `/api/services?limit=10&page=3&depth=1`. */
/** `expect`: text every good answer holds (Payload lists say "docs"; Open Referral pages say "contents"). */
export async function loadTest(base: string, query: (page: number) => string, { requests = 2000, concurrency = 20, pages = 1000, seed = 8, expect = '"docs"' } = {}): Promise<RestResult> {
  const r = prng(seed)
  const plan = Array.from({ length: requests }, () => query(r.int(1, pages)))
  const times: number[] = []
  let errors = 0
  let next = 0
  const worker = async () => {
    while (next < plan.length) {
      const route = plan[next++]!
      const started = performance.now()
      try {
        const response = await fetch(base + route)
        const body = await response.text()
        if (!response.ok || !body.includes(expect)) errors++
      } catch {
        errors++
      }
      times.push(performance.now() - started)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  times.sort((a, b) => a - b)
  const round = (ms: number) => Math.round(ms * 10) / 10
  return { requests, concurrency, p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), errors }
}
