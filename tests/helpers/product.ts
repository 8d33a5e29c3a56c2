/**
 * `npm start` as a test runs it (scripts/start.ts on a throwaway database, its own ports and
 * site folder), and a steady read load against a site server. Pairs: startProduct/stopProduct,
 * readLoad(...).stop().
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Polls `probe` until it gives something truthy. */
export async function until<T>(what: string, probe: () => Promise<T | undefined | false | null> | T | undefined | false | null, timeoutMs = 120_000, everyMs = 200): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await sleep(everyMs)
  }
}

export type Product = { child: ChildProcess; output: () => string; exited: Promise<number | null> }

/** Starts scripts/start.ts with `env` and resolves once it says it is ready. */
export async function startProduct(env: NodeJS.ProcessEnv, timeoutMs = 300_000): Promise<Product> {
  const child = spawn(path.resolve('node_modules/.bin/tsx'), ['scripts/start.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout!.on('data', (c) => (output += c))
  child.stderr!.on('data', (c) => (output += c))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  await until('npm start to be ready', () => output.includes('Press Ctrl-C') || (child.exitCode !== null && Promise.reject(new Error(output))), timeoutMs, 250)
  return { child, output: () => output, exited }
}

/** Ctrl-C, as a user stops it. */
export async function stopProduct(product: Product | undefined): Promise<void> {
  if (!product || product.child.exitCode !== null || product.child.signalCode !== null) return
  product.child.kill('SIGINT')
  await product.exited
}

export type LoadResult = { requests: number; failures: string[]; byPath: Record<string, number> }

/**
 * `concurrency` readers, each fetching the next of `paths` as soon as it has read the last answer
 * (after `pauseMs`). A request fails unless it answers 200 with a whole HTML page — a truncated
 * body, a 404 while a build is switched in or a refused connection all count.
 */
export function readLoad(base: string, paths: string[], { concurrency = 4, pauseMs = 10 } = {}): { stop: () => Promise<LoadResult> } {
  const result: LoadResult = { requests: 0, failures: [], byPath: {} }
  let running = true
  let next = 0
  const reader = async () => {
    while (running) {
      const route = paths[next++ % paths.length]!
      try {
        const response = await fetch(base + route, { signal: AbortSignal.timeout(10_000) })
        const body = await response.text()
        // Whole: the page's end is there (Astro may put a module script after </html>) and the
        // body does not stop part-way through a tag or text.
        if (response.status !== 200 || !body.includes('</html>') || !body.trimEnd().endsWith('>')) {
          result.failures.push(`${new Date().toISOString()} ${route}: ${response.status}, ${body.length} bytes, ends ${JSON.stringify(body.slice(-40))}`)
        }
      } catch (error) {
        result.failures.push(`${new Date().toISOString()} ${route}: ${(error as Error).message} ${String((error as { cause?: unknown }).cause ?? '')}`)
      }
      result.requests++
      result.byPath[route] = (result.byPath[route] ?? 0) + 1
      if (pauseMs) await sleep(pauseMs)
    }
  }
  const readers = Array.from({ length: concurrency }, reader)
  return {
    stop: async () => {
      running = false
      await Promise.all(readers)
      return result
    },
  }
}
