/**
 * Quick exit: leave the site in one action, modelled on GOV.UK Frontend's "Exit this page".
 * The link works on its own (no JavaScript needed). With JavaScript, a click or Shift pressed three
 * times within five seconds hides the page at once, shows a plain overlay and replaces this page in
 * the session history, so Back does not come back here. performance.mark calls let a benchmark time
 * the path from the third Shift to the start of navigation.
 */

export const PRESSES = 3
export const WINDOW_MS = 5000

export const MESSAGES = {
  remaining: (n: number) => `Shift, press ${n} more ${n === 1 ? 'time' : 'times'} to leave this site.`,
  leaving: 'Leaving this site.',
  expired: 'Quick exit shortcut timed out.',
}

/**
 * The announcements in the page's language: QuickExit.astro writes them on the root element
 * (data-msg-*, from the CMS's interface strings); without them, the English above.
 */
export function messagesOf(root: HTMLElement): typeof MESSAGES {
  const { msgRemainingOne: one, msgRemainingMany: many, msgLeaving: leaving, msgExpired: expired } = root.dataset
  return {
    remaining: (n) => (n === 1 && one ? one : many ? many.replace('{n}', String(n)) : MESSAGES.remaining(n)),
    leaving: leaving || MESSAGES.leaving,
    expired: expired || MESSAGES.expired,
  }
}

/** Counts lone Shift presses within a window. Pure, so its timing is testable without a browser. */
export class ShiftCounter {
  private times: number[] = []
  constructor(
    private readonly presses = PRESSES,
    private readonly windowMs = WINDOW_MS,
  ) {}

  /** Records a press at `now` (ms); returns how many presses are in the window, oldest first dropped. */
  press(now: number): number {
    this.times = [...this.times.filter((t) => now - t < this.windowMs), now]
    return this.times.length
  }

  triggered(count: number) {
    return count >= this.presses
  }

  get count() {
    return this.times.length
  }

  reset() {
    this.times = []
  }
}

type Navigate = (url: string) => void

export class QuickExit {
  private readonly link: HTMLAnchorElement
  private readonly status: HTMLElement | null
  private readonly indicator: HTMLElement | null
  private readonly counter = new ShiftCounter()
  private timer: ReturnType<typeof setTimeout> | undefined
  /** Shift held down while another key is pressed (typing a capital) is not a quick-exit press. */
  private shiftUsedAsModifier = false
  private overlay: HTMLElement | null = null
  private readonly messages: typeof MESSAGES

  constructor(
    private readonly root: HTMLElement,
    private readonly navigate: Navigate = (url) => window.location.replace(url),
  ) {
    const link = root.querySelector<HTMLAnchorElement>('[data-quick-exit-link]')
    if (!link) throw new Error('Quick exit: the link is missing')
    this.link = link
    this.messages = messagesOf(root)
    this.status = root.querySelector('[data-quick-exit-status]')
    this.indicator = root.querySelector('[data-quick-exit-indicator]')
    const doc = root.ownerDocument
    this.link.addEventListener('click', (event) => {
      event.preventDefault()
      this.exit()
    })
    doc.addEventListener('keydown', (event) => this.onKeyDown(event), true)
    doc.addEventListener('keyup', (event) => this.onKeyUp(event), true)
    doc.defaultView?.addEventListener('pageshow', () => this.reset())
    root.classList.add('quick-exit--enhanced')
  }

  private onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Shift') {
      if (event.shiftKey) this.shiftUsedAsModifier = true
      if (this.counter.count) this.reset()
    }
  }

  private onKeyUp(event: KeyboardEvent) {
    if (event.key !== 'Shift') return
    if (this.shiftUsedAsModifier) {
      this.shiftUsedAsModifier = false
      return
    }
    const count = this.counter.press(performance.now())
    if (this.counter.triggered(count)) {
      performance.mark('quick-exit:shortcut')
      this.exit()
      return
    }
    this.showProgress(count)
    this.announce(this.messages.remaining(PRESSES - count))
    clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.reset()
      this.announce(this.messages.expired)
    }, WINDOW_MS)
  }

  /** Hide everything first (one class on <html>), then navigate: nothing of the page stays on screen. */
  exit() {
    performance.mark('quick-exit:start')
    const doc = this.root.ownerDocument
    doc.documentElement.classList.add('quick-exit-active')
    if (!this.overlay) {
      this.overlay = doc.createElement('div')
      this.overlay.className = 'quick-exit-overlay'
      this.overlay.setAttribute('aria-hidden', 'true')
      doc.body.append(this.overlay)
    }
    this.showProgress(PRESSES)
    this.announce(this.messages.leaving)
    clearTimeout(this.timer)
    performance.mark('quick-exit:navigate')
    this.navigate(this.link.href)
  }

  /** Back to a fresh page: after the back/forward cache restores it, or when the shortcut expires. */
  reset() {
    clearTimeout(this.timer)
    this.counter.reset()
    this.shiftUsedAsModifier = false
    this.root.ownerDocument.documentElement.classList.remove('quick-exit-active')
    this.overlay?.remove()
    this.overlay = null
    this.showProgress(0)
    if (this.status) this.status.textContent = ''
  }

  private showProgress(count: number) {
    if (!this.indicator) return
    this.indicator.hidden = count === 0
    this.indicator.querySelectorAll('span').forEach((dot, i) => dot.classList.toggle('is-on', i < count))
  }

  private announce(message: string) {
    if (this.status) this.status.textContent = message
  }
}

/** Starts every quick exit on the page; a failure leaves the plain link working. */
export function initQuickExit(doc: Document = document) {
  for (const root of doc.querySelectorAll<HTMLElement>('[data-quick-exit]')) {
    try {
      new QuickExit(root)
    } catch (error) {
      console.error(error)
    }
  }
}
