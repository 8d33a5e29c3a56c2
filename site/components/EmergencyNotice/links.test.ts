import { describe, expect, it } from 'vitest'
import { emergencyMessageParts } from './links'

const DEFAULT = 'If you are in danger now, call 999. If you cannot speak, call 999 and press 55 when prompted.'
const links = (message: string) => emergencyMessageParts(message).filter((p) => p.href).map((p) => [p.text, p.href])
const joined = (message: string) => emergencyMessageParts(message).map((p) => p.text).join('')

describe('emergencyMessageParts', () => {
  it('links every 999 in the default message, and not the 55 you press during the call', () => {
    expect(emergencyMessageParts(DEFAULT)).toEqual([
      { text: 'If you are in danger now, call ' },
      { text: '999', href: 'tel:999' },
      { text: '. If you cannot speak, call ' },
      { text: '999', href: 'tel:999' },
      { text: ' and press 55 when prompted.' },
    ])
  })

  it('links the other numbers a resident may need: 112, 101, 111, 116 helplines and full UK numbers', () => {
    expect(links('Call 999 or 112. Not an emergency? Call 101, or 111 for health. Samaritans: 116 123. Helpline 0808 2000 247 or +44 (0)20 7946 0000.')).toEqual([
      ['999', 'tel:999'],
      ['112', 'tel:112'],
      ['101', 'tel:101'],
      ['111', 'tel:111'],
      ['116 123', 'tel:116123'],
      ['0808 2000 247', 'tel:08082000247'],
      ['+44 (0)20 7946 0000', 'tel:+442079460000'],
    ])
  })

  it('leaves numbers alone that only contain an emergency number', () => {
    expect(links('Since 1999, 9990 calls, 999,000 people, 1111 and 101.5 FM.')).toEqual([])
  })

  it('gives the message back unchanged as text, markup included: the page shows it, never runs it', () => {
    const message = 'Call 999 <script>alert(1)</script> <a href="https://evil.example">here</a> & now'
    expect(joined(message)).toBe(message)
    expect(emergencyMessageParts(message).filter((p) => p.href)).toEqual([{ text: '999', href: 'tel:999' }])
  })

  it('handles a message with no number, or only a number', () => {
    expect(emergencyMessageParts('Ask for help.')).toEqual([{ text: 'Ask for help.' }])
    expect(emergencyMessageParts('999')).toEqual([{ text: '999', href: 'tel:999' }])
  })
})
