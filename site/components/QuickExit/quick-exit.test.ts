// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MESSAGES, QuickExit, ShiftCounter, WINDOW_MS } from './quick-exit'

describe('ShiftCounter', () => {
  it('triggers on the third press within five seconds', () => {
    const c = new ShiftCounter()
    expect(c.triggered(c.press(0))).toBe(false)
    expect(c.triggered(c.press(1000))).toBe(false)
    expect(c.triggered(c.press(4999))).toBe(true)
  })
  it('forgets presses older than the window', () => {
    const c = new ShiftCounter()
    c.press(0)
    c.press(1000)
    expect(c.press(5000)).toBe(2) // the first press is 5 s old: out of the window
    expect(c.triggered(c.press(5500))).toBe(true)
  })
})

describe('QuickExit', () => {
  let navigate: ReturnType<typeof vi.fn<(url: string) => void>>
  let root: HTMLElement

  const key = (type: 'keydown' | 'keyup', k: string, shiftKey = k === 'Shift') =>
    document.dispatchEvent(new KeyboardEvent(type, { key: k, shiftKey, bubbles: true }))
  const shift = () => {
    key('keydown', 'Shift')
    key('keyup', 'Shift')
  }
  const status = () => root.querySelector('[data-quick-exit-status]')!.textContent

  beforeEach(() => {
    vi.useFakeTimers()
    document.documentElement.className = ''
    document.body.innerHTML = `
      <a href="#main">Skip</a>
      <div data-quick-exit>
        <a href="https://www.bbc.co.uk/weather" rel="nofollow noreferrer" data-quick-exit-link>Quick exit</a>
        <div data-quick-exit-indicator hidden><span></span><span></span><span></span></div>
        <div role="status" data-quick-exit-status></div>
      </div>
      <main id="main">Private content</main>`
    root = document.querySelector('[data-quick-exit]')!
    navigate = vi.fn()
    new QuickExit(root, navigate)
  })
  afterEach(() => vi.useRealTimers())

  it('on click hides the page, shows an overlay and replaces the location', () => {
    root.querySelector('a')!.click()
    expect(document.documentElement.classList.contains('quick-exit-active')).toBe(true)
    expect(document.querySelector('.quick-exit-overlay')).not.toBeNull()
    expect(navigate).toHaveBeenCalledWith('https://www.bbc.co.uk/weather')
    expect(status()).toBe(MESSAGES.leaving)
  })

  it('counts Shift presses aloud and leaves on the third', () => {
    shift()
    expect(status()).toBe(MESSAGES.remaining(2))
    expect(root.querySelector('[data-quick-exit-indicator]')!.hasAttribute('hidden')).toBe(false)
    shift()
    expect(status()).toBe(MESSAGES.remaining(1))
    expect(navigate).not.toHaveBeenCalled()
    shift()
    expect(navigate).toHaveBeenCalledOnce()
  })

  it('expires after five seconds and says so', () => {
    shift()
    shift()
    vi.advanceTimersByTime(WINDOW_MS + 1)
    expect(status()).toBe(MESSAGES.expired)
    shift()
    expect(navigate).not.toHaveBeenCalled()
  })

  it('does not count Shift used for capitals, and other keys start again', () => {
    shift()
    shift()
    key('keydown', 'Shift')
    key('keydown', 'A', true)
    key('keyup', 'Shift')
    shift()
    expect(navigate).not.toHaveBeenCalled()
  })

  it('resets on pageshow (back/forward cache)', () => {
    root.querySelector('a')!.click()
    window.dispatchEvent(new Event('pageshow'))
    expect(document.documentElement.classList.contains('quick-exit-active')).toBe(false)
    expect(document.querySelector('.quick-exit-overlay')).toBeNull()
    expect(status()).toBe('')
  })
})

describe('QuickExit in another language (issue 20)', () => {
  it('announces the words QuickExit.astro wrote on its root, with the number filled in', () => {
    vi.useFakeTimers()
    document.body.innerHTML = `
      <div data-quick-exit data-msg-remaining-one="ایک" data-msg-remaining-many="Shift: {n} بار" data-msg-leaving="یہ سائٹ چھوڑی جا رہی ہے۔" data-msg-expired="ختم">
        <a href="https://www.bbc.co.uk/weather" data-quick-exit-link>فوراً باہر نکلیں</a>
        <div role="status" data-quick-exit-status></div>
      </div>`
    const root = document.querySelector<HTMLElement>('[data-quick-exit]')!
    const navigate = vi.fn()
    new QuickExit(root, navigate)
    const status = () => root.querySelector('[data-quick-exit-status]')!.textContent
    const shift = () => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Shift', shiftKey: true }))
      document.dispatchEvent(new KeyboardEvent('keyup', { key: 'Shift' }))
    }
    shift()
    expect(status()).toBe('Shift: 2 بار')
    shift()
    expect(status()).toBe('ایک')
    vi.advanceTimersByTime(WINDOW_MS + 1)
    expect(status()).toBe('ختم')
    root.querySelector('a')!.click()
    expect(status()).toBe('یہ سائٹ چھوڑی جا رہی ہے۔')
    expect(navigate).toHaveBeenCalledWith('https://www.bbc.co.uk/weather')
    vi.useRealTimers()
  })
})
