/**
 * Field validators shared by collections. Each returns true or a sentence an editor can act on;
 * Payload shows it next to the field and stores nothing.
 */

const UK_PHONE = /^(?:(?:\+44\s?|0)\d(?:[\s-]?\d){8,9}|999|101|111|116\s?\d{3})$/

export const ukPhone = (value: unknown) =>
  value == null || value === '' || (typeof value === 'string' && UK_PHONE.test(value.trim()))
    ? true
    : 'Enter a UK phone number, like 020 7946 0000 or +44 20 7946 0000.'

export const webAddress = (value: unknown) => {
  if (value == null || value === '') return true
  try {
    const url = new URL(String(value))
    return url.protocol === 'https:' || url.protocol === 'http:' ? true : 'Enter a web address starting https://'
  } catch {
    return 'Enter a full web address, like https://www.example.org.uk/'
  }
}

export const emailAddress = (value: unknown) =>
  value == null || value === '' || (typeof value === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value))
    ? true
    : 'Enter an email address, like name@example.org.uk'

export const year = (value: unknown) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1990 && value <= 2100
    ? true
    : 'Enter a year between 1990 and 2100, like 2022.'
