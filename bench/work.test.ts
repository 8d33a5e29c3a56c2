import { existsSync, mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, it } from 'vitest'
import { benchWorkFolder } from './work'

it('makes its work folder on a fresh clone, where node_modules/.cache does not exist yet', () => {
  const clone = mkdtempSync(path.join(tmpdir(), 'csp-hub-fresh-clone-'))
  expect(existsSync(path.join(clone, 'node_modules', '.cache'))).toBe(false)
  const work = benchWorkFolder(clone)
  expect(statSync(work).isDirectory()).toBe(true)
  expect(path.dirname(work)).toBe(path.join(clone, 'node_modules', '.cache'))
  // A second run beside the first gets its own folder.
  expect(benchWorkFolder(clone)).not.toBe(work)
})
