/**
 * Field validators shared by collections. Each returns true or a sentence an editor can act on;
 * Payload shows it next to the field and stores nothing. What counts as valid is cms/rules, the
 * same rule the seed format, the site and the Open Referral import apply.
 */
import { isEmailAddress, isUkPhone, isWebAddress } from '../rules'

const empty = (value: unknown) => value == null || value === ''

export const ukPhone = (value: unknown) =>
  empty(value) || isUkPhone(value) ? true : 'Enter a UK phone number, like 020 7946 0000 or +44 20 7946 0000.'

export const webAddress = (value: unknown) =>
  empty(value) || isWebAddress(value) ? true : 'Enter a full web address starting https://, like https://www.example.org.uk/'

export const emailAddress = (value: unknown) => (empty(value) || isEmailAddress(value) ? true : 'Enter an email address, like name@example.org.uk')

export const year = (value: unknown) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1990 && value <= 2100
    ? true
    : 'Enter a year between 1990 and 2100, like 2022.'
