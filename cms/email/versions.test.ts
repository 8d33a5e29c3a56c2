/**
 * Payload's own version check is off (payload.config.ts) only because Payload's nodemailer adapter
 * has no release matching payload's patch version. This is the check in its place.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { projectRoot } from '../paths'

const installed = (name: string) => JSON.parse(readFileSync(path.join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')).version as string

describe('Payload package versions', () => {
  it('every @payloadcms package matches payload exactly, except the email adapter, which matches its minor version', () => {
    const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8'))
    const payload = installed('payload')
    const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((n) => n.startsWith('@payloadcms/'))
    expect(names).toContain('@payloadcms/email-nodemailer')
    for (const name of names) {
      if (name === '@payloadcms/email-nodemailer') expect(installed(name).split('.').slice(0, 2)).toEqual(payload.split('.').slice(0, 2))
      else expect(installed(name), name).toBe(payload)
    }
  })
})
