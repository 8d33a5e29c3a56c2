import { describe, expect, it } from 'vitest'
import { languageCode, languageName } from './languages'

describe('language names and codes', () => {
  it('gives the ISO 639 code of a language by its English name, the names UK services use included', () => {
    const codes = { English: 'en', Polish: 'pl', punjabi: 'pa', ' Somali ': 'so', Bengali: 'bn', Bangla: 'bn', Farsi: 'fa', Persian: 'fa', Dari: 'prs', Twi: 'tw', Mandarin: 'zh', 'British Sign Language': 'bfi', Hebrew: 'he', Yiddish: 'yi' }
    for (const [name, code] of Object.entries(codes)) expect(languageCode(name), name).toBe(code)
    expect(languageCode('Klingon')).toBeUndefined()
  })

  it('names a language from its code, as UK services do, and no code it does not know', () => {
    const names = { pl: 'Polish', PL: 'Polish', ur: 'Urdu', bn: 'Bengali', tw: 'Twi', bfi: 'British Sign Language', prs: 'Dari' }
    for (const [code, name] of Object.entries(names)) expect(languageName(code), code).toBe(name)
    for (const unknown of ['xx', 'qaa', 'not a code', '']) expect(languageName(unknown), unknown).toBeUndefined()
  })

  it('round-trips every language the directory names', () => {
    for (const name of ['Arabic', 'Bengali', 'Gujarati', 'Lithuanian', 'Romanian', 'Tamil', 'Tigrinya', 'Turkish', 'Ukrainian', 'Yoruba', 'British Sign Language'])
      expect(languageName(languageCode(name)!), name).toBe(name)
  })
})
