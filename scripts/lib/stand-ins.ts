/**
 * For the fork tests (child-result.test.ts, serving.test.ts): stand-in children, plain ES modules
 * that import the real child side (held.mjs), so both ends of the protocol are the product's.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

/** A maker of stand-ins in a fresh folder, each starting with `import { <names> } from held.mjs`. */
export function standIns(folder: string, names: string): (name: string, body: string) => string {
  const dir = mkdtempSync(path.join(tmpdir(), folder))
  const held = pathToFileURL(path.resolve('scripts/lib/held.mjs')).href
  return (name, body) => {
    const file = path.join(dir, `${name}.mjs`)
    writeFileSync(file, `import { ${names} } from ${JSON.stringify(held)}\n${body}`)
    return file
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Waits until `what()` holds, checking every 20 ms; throws after `ms`. */
export async function until(what: () => boolean, ms = 10_000) {
  const end = Date.now() + ms
  while (!what()) {
    if (Date.now() > end) throw new Error('timed out')
    await sleep(20)
  }
}
