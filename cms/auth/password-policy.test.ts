import { describe, expect, it } from 'vitest'
import { MIN_PASSWORD_LENGTH, passwordProblem } from './password-policy'

describe('password policy', () => {
  it('refuses short passwords, naming the minimum and the length given', () => {
    expect(passwordProblem('abc')).toMatch(/at least 12 characters \(this one has 3\)/)
    expect(passwordProblem('a'.repeat(MIN_PASSWORD_LENGTH - 1) + 'b'.slice(0, 0))).toMatch(/at least 12/)
    expect(passwordProblem('')).toBe('Enter a password.')
    expect(passwordProblem(undefined)).toBe('Enter a password.')
  })

  it('refuses common passwords of any case, even when long enough', () => {
    for (const common of ['123456789012', 'PasswordPassword', 'password1234']) {
      expect(passwordProblem(common), common).toMatch(/most common passwords/)
    }
  })

  it('refuses the guesses attackers build from common passwords', () => {
    for (const common of ['Sunshine2024!', 'iloveyouiloveyou', 'aaaaaaaaaaaaaaaa', 'abcabcabcabc', 'abcdefghijkl', '1234567890123', 'qwertyuiopasdfgh', 'lkjhgfdsapoiu']) {
      expect(passwordProblem(common), common).toMatch(/most common passwords/)
    }
  })

  it('accepts long passwords nobody else uses, counting characters rather than bytes', () => {
    expect(passwordProblem('correct-horse-battery-staple')).toBeNull()
    expect(passwordProblem('kettle orchard lantern')).toBeNull()
    expect(passwordProblem('ঢাকা-লন্ডন-বাড়ি')).toBeNull()
    expect(passwordProblem('x'.repeat(300))).toMatch(/at most 256/)
  })
})
