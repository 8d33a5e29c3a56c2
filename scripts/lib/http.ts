import { ConfigError } from '../../cms/database-choice'

/** Polls a URL until it answers below 500, so a printed URL works when it appears. */
export async function waitForHttp(url: string, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    try {
      const response = await fetch(url, { redirect: 'manual' })
      if (response.status < 500) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`)
}

/** Refuses to start on a port something else already listens on, naming the variable to change. */
export async function ensurePortFree(port: number, variable: string): Promise<void> {
  const { createServer } = await import('node:net')
  await new Promise<void>((resolve, reject) => {
    const server = createServer()
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new ConfigError(
          error.code === 'EADDRINUSE'
            ? `Port ${port} is already in use — is CSP Hub (or something else) already running? Stop it, or set ${variable} to another port.`
            : error.message,
        ),
      ),
    )
    server.listen(port, () => server.close(() => resolve()))
  })
}
