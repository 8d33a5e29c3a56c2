/**
 * The emergency message is an admin's plain text (site settings). It becomes text and telephone
 * links, never HTML: the page renders each part as text or as an <a href="tel:…">, so whatever the
 * message says, nothing in it is markup.
 */
import { telHref } from '../../lib/services'

export type MessagePart = { text: string; href?: undefined } | { text: string; href: `tel:${string}` }

/**
 * Numbers a resident may need to tap: the emergency numbers (999; 112 also works in the UK), the
 * police and NHS non-emergency lines (101, 111), 116 xxx helplines (Samaritans' 116 123) and full
 * UK numbers. Not part of a longer number ("1999", "999,000") and not the "55" of the Silent
 * Solution, which you press during a 999 call rather than dial.
 */
const PHONE = /(?<![\d+])(?:(?:\+44\s?(?:\(0\)\s?)?|0)\d(?:[\s-]?\d){8,9}|116\s?\d{3}|999|112|101|111)(?!\d|[.,]\d)/g

/** The message split into text and telephone links, in order; joined, the texts give the message back. */
export function emergencyMessageParts(message: string): MessagePart[] {
  const parts: MessagePart[] = []
  let last = 0
  for (const match of message.matchAll(PHONE)) {
    if (match.index > last) parts.push({ text: message.slice(last, match.index) })
    parts.push({ text: match[0], href: telHref(match[0]) as `tel:${string}` })
    last = match.index + match[0].length
  }
  if (last < message.length) parts.push({ text: message.slice(last) })
  return parts
}
