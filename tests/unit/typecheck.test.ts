/**
 * The TypeScript check for the CMS, scripts and tests (the Astro site's .astro files are checked by
 * Astro when it builds). `next build` skips its own check so the admin builds faster.
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { expect, it } from 'vitest'

it('type-checks', () => {
  let output = ''
  try {
    execFileSync(process.execPath, [path.resolve('node_modules/typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.typecheck.json'], { encoding: 'utf8' })
  } catch (error) {
    output = String((error as { stdout?: string }).stdout ?? error)
  }
  expect(output).toBe('')
}, 120_000)
