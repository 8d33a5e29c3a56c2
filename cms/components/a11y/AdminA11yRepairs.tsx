'use client'
/**
 * Accessible names and roles for parts of Payload's admin that its config cannot reach (issue 16).
 * Payload renders react-select inputs, lexical editors and date pickers without a link to their
 * field's label, icon-only buttons without a name, focusable buttons inside aria-hidden, and a
 * list of tabs that holds no list items. This watches the admin's DOM and repairs each of those
 * in place: attributes only, never content or behaviour, and only where Payload left them out.
 * tests/e2e/admin-accessibility.e2e.test.ts fails if a Payload upgrade changes the markup it relies on.
 */
import { useEffect } from 'react'

let counter = 0
const idOf = (el: Element) => (el.id ||= `csp-a11y-${++counter}`)
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').replace(/\*$/, '').trim() ?? ''
const unnamed = (el: Element) => !el.getAttribute('aria-label')?.trim() && !el.getAttribute('aria-labelledby') && !el.getAttribute('title')?.trim()

/** The visible label of the field an element belongs to. */
function fieldLabel(el: Element): Element | null {
  const field = el.closest('.field-type, .rich-text-lexical')
  return field?.querySelector('label.field-label, .field-label') ?? null
}

function nameFromField(el: Element, fallback: string) {
  if (!unnamed(el)) return
  const label = fieldLabel(el)
  if (label && text(label)) el.setAttribute('aria-labelledby', idOf(label))
  else el.setAttribute('aria-label', fallback)
}

function repair(root: ParentNode) {
  // label / aria-input-field-name: react-select inputs, lexical editors and date pickers.
  root.querySelectorAll('.react-select input, input.rs__input, input[role="combobox"]').forEach((input) => {
    const single = text(input.closest('.rs__control')?.querySelector('.rs__single-value'))
    nameFromField(input, single ? `Choose: ${single}` : 'Choose an option')
  })
  root.querySelectorAll('[data-lexical-editor="true"][role="textbox"]').forEach((editor) => nameFromField(editor, 'Rich text'))
  root.querySelectorAll('.date-time-picker input[type="text"]').forEach((input) => nameFromField(input, 'Date'))
  // label: the list's row-selection checkboxes carry aria-label="".
  root.querySelectorAll('table input[type="checkbox"]').forEach((box) => {
    if (!unnamed(box)) return
    const row = box.closest('tr')
    if (!row || row.closest('thead')) return box.setAttribute('aria-label', 'Select all rows')
    const title = text(row.querySelector('td:not(:first-child) a, td:nth-child(2)'))
    box.setAttribute('aria-label', title ? `Select ${title}` : 'Select row')
  })
  // button-name / aria-command-name: icon-only controls.
  const names: [string, string | ((el: Element) => string)][] = [
    ['.popup-button', (el) =>
      el.querySelector('.doc-controls__dots') ? 'More document actions'
      : el.classList.contains('array-actions__button') ? 'Row actions'
      : el.closest('.btn--withPopup') ? `More options: ${text(el.closest('.btn--withPopup')?.querySelector('.btn__label'))}`
      : 'More options'],
    ['.collapsible__drag', 'Drag to reorder'],
    ['.drawer-link__doc-drawer-toggler, .relationship--multi-value-label__drawer-toggler, .relationship--single-value__drawer-toggler', 'Edit the linked record'],
    ['.date-time-picker__clear-button', 'Clear the date'],
    ['.clickable-arrow--right', 'Next page'],
    ['.clickable-arrow--left', 'Previous page'],
    ['.clear-indicator', 'Clear'],
    ['.copy-to-clipboard', 'Copy the file address'],
    ['.file-details__remove', 'Remove the file'],
  ]
  for (const [selector, name] of names) {
    root.querySelectorAll(selector).forEach((el) => {
      if (unnamed(el) && (!text(el) || el.matches('.copy-to-clipboard'))) el.setAttribute('aria-label', typeof name === 'string' ? name : name(el))
    })
  }
  // aria-hidden-focus: react-select's indicators are mouse affordances hidden from assistive
  // technology but left in the tab order; the keyboard clears with Backspace and opens with ↓.
  // Only controls that are themselves hidden: a hidden region (a closed drawer) is left alone.
  root.querySelectorAll('.rs__indicators [aria-hidden="true"]').forEach((el) => {
    if (el.matches('button, [tabindex]') && el.getAttribute('tabindex') !== '-1') el.setAttribute('tabindex', '-1')
  })
  // nested-interactive: a sortable chip (role=button) holds its own Remove button; as a named
  // group it keeps drag-and-drop and lets the Remove button be a control of its own.
  root.querySelectorAll('.rs__multi-value[role="button"]').forEach((chip) => {
    chip.setAttribute('role', 'group')
    if (unnamed(chip)) chip.setAttribute('aria-label', text(chip.querySelector('.rs__multi-value__label, .multi-value-label')) || text(chip))
  })
  // aria-command-name: a list row's padlock ("someone is editing this") is a div with role=button
  // that does nothing; its words are a tooltip shown on mouse hover only. It is an image with
  // those words as its name, and no longer a tab stop that leads nowhere.
  root.querySelectorAll('.locked[role="button"]').forEach((lock) => {
    lock.setAttribute('role', 'img')
    lock.setAttribute('aria-label', text(lock.querySelector('.locked__tooltip')) || 'Someone else is editing this')
    lock.setAttribute('tabindex', '-1')
  })
  // list: the document tabs are a <ul> of links and divs, not of list items.
  root.querySelectorAll('ul.doc-tabs__tabs').forEach((ul) => {
    if ([...ul.children].some((child) => child.tagName !== 'LI')) ul.setAttribute('role', 'none')
  })
  // label-content-name-mismatch: a tab named "Versions" that shows "Versions 3"; a diff's
  // "Collapse" button that shows the field's name. The name starts with what is shown.
  root.querySelectorAll('.doc-tab[aria-label], .diff-collapser__toggle-button[aria-label]').forEach((el) => {
    const visible = text(el)
    const name = el.getAttribute('aria-label') ?? ''
    if (!visible || name.toLowerCase().includes(visible.toLowerCase())) return
    el.setAttribute('aria-label', visible.toLowerCase().startsWith(name.toLowerCase()) ? visible : `${visible} (${name.toLowerCase()})`)
  })
}

export function AdminA11yRepairs() {
  useEffect(() => {
    // Repairs run inside the MutationObserver callback itself, a microtask after each change to
    // the admin's DOM, so nothing (a screen reader, axe, the next frame) ever sees a control
    // between Payload's render and its repair. An earlier version waited for the next animation
    // frame: in a background tab, or on a machine busy enough to skip frames, that never came.
    // A pass over the whole admin costs about a millisecond (measured in the axe test's screens).
    repair(document)
    // Says on <html> that the admin has hydrated and its repairs are watching: the axe test waits
    // for it, so it judges the page people use rather than the server's HTML before hydration.
    document.documentElement.dataset.a11yRepaired = 'true'
    const observer = new MutationObserver(() => repair(document))
    observer.observe(document.body, { childList: true, subtree: true })
    return () => observer.disconnect()
  }, [])
  return null
}
