import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { languageSchema } from './language'

const file = (code: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, '..', '..', 'content', 'languages', `${code}.json`), 'utf8'))

describe('the site reads a language whole, or not at all', () => {
  it('takes a shipped language, its strings grouped apart from its code, name and direction', () => {
    const ur = languageSchema.parse({ ...file('ur'), id: 3, fluentCheck: { checked: false } })
    expect(ur).toMatchObject({ code: 'ur', endonym: 'اردو', direction: 'rtl' })
    expect(ur.strings.quickExit.button).toBe(file('ur').quickExit.button)
    expect(ur.strings).not.toHaveProperty('fluentCheck')
  })

  it('refuses one with a string missing or blank (the build leaves it out, so the site does not offer it)', () => {
    const pl = file('pl')
    expect(languageSchema.safeParse({ ...pl, emergency: { ...pl.emergency, notice: ' ' } }).success).toBe(false)
    const { stepFreeAccess: _gone, ...noStepFree } = pl
    expect(languageSchema.safeParse(noStepFree).success).toBe(false)
  })
})
