/**
 * A UK phone number as people write it: a full number (0 or +44, then 9 or 10 digits, spaced or
 * hyphenated as you like: 020 7946 0000, +44 20 7946 0000, 0808 2000 247), or a short line a
 * service may publish: 999, 101, 111 and 116 xxx helplines. Not 112 (it works, but no service
 * lists it as its own number) and never a number with a digit too many. Surrounding spaces are
 * ignored. The CMS validates with it, and the seed format and the Open Referral import accept
 * exactly the same numbers, so nothing passes one check to fail the next.
 */
const UK_PHONE = /^(?:(?:\+44\s?|0)\d(?:[\s-]?\d){8,9}|999|101|111|116\s?\d{3})$/

export const isUkPhone = (value: unknown): value is string => typeof value === 'string' && UK_PHONE.test(value.trim())
