import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError } from './database'
import { resolveSecret } from './secret'

const tempFile = () => path.join(mkdtempSync(path.join(tmpdir(), 'secret-')), 'nested', 'payload-secret')

describe('resolveSecret', () => {
  it('generates a secret once in development, keeps it private and reuses it', () => {
    const file = tempFile()
    const first = resolveSecret({ NODE_ENV: 'development' }, file)
    expect(first).toMatch(/^[0-9a-f]{64}$/)
    expect(existsSync(file)).toBe(true)
    expect(statSync(file).mode & 0o077).toBe(0)
    expect(resolveSecret({} as unknown as NodeJS.ProcessEnv, file)).toBe(first)
    expect(readFileSync(file, 'utf8').trim()).toBe(first)
  })

  it('prefers PAYLOAD_SECRET from the environment', () => {
    const secret = 'x'.repeat(40)
    expect(resolveSecret({ PAYLOAD_SECRET: secret } as unknown as NodeJS.ProcessEnv, tempFile())).toBe(secret)
  })

  it('refuses to start in production without PAYLOAD_SECRET, and writes nothing', () => {
    const file = tempFile()
    expect(() => resolveSecret({ NODE_ENV: 'production' }, file)).toThrow(ConfigError)
    expect(() => resolveSecret({ NODE_ENV: 'production' }, file)).toThrow(/PAYLOAD_SECRET is not set/)
    expect(existsSync(file)).toBe(false)
  })

  it('refuses a short secret', () => {
    expect(() => resolveSecret({ PAYLOAD_SECRET: 'short' } as unknown as NodeJS.ProcessEnv, tempFile())).toThrow(/at least 32/)
  })
})
