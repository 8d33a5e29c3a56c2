/**
 * What a password must be, after NCSC guidance: length over complexity rules, and never one of
 * the passwords attackers try first. The list is zxcvbn's common-password dictionary (about
 * 49,000 passwords from public breach corpora), a maintained package rather than a copy here.
 * Few of those are 12 characters long, so the guesses attackers build from them are refused too:
 * a common password with digits or symbols around it ("Sunshine2024!"), a short part repeated
 * ("iloveyouiloveyou") and runs along the alphabet, the digits or a keyboard row.
 */
import { dictionary } from '@zxcvbn-ts/language-common'

export const MIN_PASSWORD_LENGTH = 12
/** Long enough for any passphrase; bounds the hashing work one request can ask for. */
export const MAX_PASSWORD_LENGTH = 256

let common: Set<string> | undefined
const commonPasswords = () => (common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase())))

const RUNS = ['abcdefghijklmnopqrstuvwxyz', '01234567890123456789', 'qwertyuiopasdfghjklzxcvbnm', '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p']
const reverse = (text: string) => [...text].reverse().join('')

/** Guessable however long it is. */
function isGuessable(lower: string): boolean {
  if (commonPasswords().has(lower)) return true
  // A common word or password with digits and symbols added at either end.
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')
  if (core.length > 0 && core.length < lower.length && commonPasswords().has(core)) return true
  // One short part, repeated: "aaaaaaaaaaaa", "abcabcabcabc".
  if (/^(.{1,8})\1+$/su.test(lower)) return true
  // A run along the alphabet, the digits or a keyboard row, either way.
  return RUNS.some((run) => run.includes(lower) || reverse(run).includes(lower))
}

/** Why a password is not acceptable, in words to show next to the field; null when it is fine. */
export function passwordProblem(password: unknown): string | null {
  if (typeof password !== 'string' || password.length === 0) return 'Enter a password.'
  const length = [...password].length
  if (length < MIN_PASSWORD_LENGTH)
    return `Use at least ${MIN_PASSWORD_LENGTH} characters (this one has ${length}). Three random words make a long password that is easy to remember.`
  if (length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`
  const lower = password.toLowerCase()
  if (isGuessable(lower))
    return 'This is one of the most common passwords, which attackers try first. Choose another: three random words work well.'
  return null
}
