import { describe, expect, it } from 'vitest'
import { perBuild, startNextBuild } from './per-build'

describe('perBuild', () => {
  it('makes a value once per build, and again after startNextBuild', () => {
    let made = 0
    const value = perBuild(() => ++made)
    expect([value(), value()]).toEqual([1, 1])
    startNextBuild()
    expect([value(), value()]).toEqual([2, 2])
    expect(made).toBe(2)
  })

  it('resets every per-build value, including a promise that failed', async () => {
    let calls = 0
    const failing = perBuild(() => (++calls === 1 ? Promise.reject(new Error('database gone')) : Promise.resolve('read')))
    await expect(failing()).rejects.toThrow('database gone')
    startNextBuild()
    await expect(failing()).resolves.toBe('read')
  })
})
