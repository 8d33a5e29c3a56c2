import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { problemsOf } from '../../tests/helpers/content'
import { LANGUAGE_CODES, stringPaths } from '../languages/strings'
import { languageFile } from './languages'
import { languageSchema } from './schemas'

const folder = path.join(import.meta.dirname, '..', '..', 'content', 'languages')
const shipped = (code: string) => JSON.parse(readFileSync(path.join(folder, `${code}.json`), 'utf8')) as Record<string, Record<string, string>>
const valueAt = (doc: Record<string, unknown>, p: string) => { const [g, k] = p.split('.') as [string, string]; return (doc[g] as Record<string, unknown>)[k] }

describe('content/languages: one zod schema, every key required', () => {
  it('ships a complete file for English, Bengali, Urdu, Panjabi, Polish and Romanian, none marked checked', () => {
    expect(readdirSync(folder).sort()).toEqual(LANGUAGE_CODES.map((c) => `${c}.json`).sort())
    for (const code of LANGUAGE_CODES) {
      const result = languageSchema.safeParse(shipped(code))
      expect(result.success, `${code}: ${JSON.stringify(result.error?.issues.slice(0, 3))}`).toBe(true)
      expect(shipped(code).fluentCheck, code).toBeUndefined()
    }
    expect(shipped('ur').direction).toBe('rtl')
  })

  it('a missing string is a field-level error naming the file and the key', async () => {
    const bn = shipped('bn')
    const { button: _gone, ...quickExit } = bn.quickExit!
    expect(await problemsOf({ 'languages/bn.json': { ...bn, quickExit } })).toContain('languages/bn.json: quickExit.button is missing')
    const { categories: _none, ...noCategories } = bn
    expect(await problemsOf({ 'languages/bn.json': noCategories })).toContain('languages/bn.json: categories is missing')
  })

  it('an empty (or blank) string is an error naming the file and the key', async () => {
    const ur = shipped('ur')
    expect(await problemsOf({ 'languages/ur.json': { ...ur, emergency: { ...ur.emergency, notice: '  ' } } })).toContain('languages/ur.json: emergency.notice must not be empty')
  })

  it('a file named for another language is refused', async () => {
    expect(await problemsOf({ 'languages/pl.json': shipped('ro') })).toContain('languages/pl.json: code "ro" must match the file name')
  })

  it('numbers stay Western digits and are only the ones the English site shows (999, 55, 24/7, Shift 3 times)', () => {
    for (const code of LANGUAGE_CODES) {
      const doc = shipped(code)
      for (const p of stringPaths()) {
        const text = String(valueAt(doc, p))
        expect(text.match(/\p{Nd}/gu)?.every((d) => /[0-9]/.test(d)) ?? true, `${code} ${p}: ${text}`).toBe(true)
        for (const number of text.match(/\d+/g) ?? []) expect(['999', '55', '24', '7', '3', '1'], `${code} ${p}: ${text}`).toContain(number)
      }
      expect(doc.emergency!.notice, code).toMatch(/999[^]*55/)
      expect(doc.quickExit!.shift, code).toContain('3')
    }
  })

  it('an exported document is written back as the file it came from', () => {
    for (const code of LANGUAGE_CODES) expect(languageFile({ ...shipped(code), id: 1, fluentCheck: { checked: false, checkedBy: null, checkedAt: null }, updatedAt: 'x' })).toEqual(shipped(code))
  })
})
