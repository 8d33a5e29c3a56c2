'use client'
/**
 * One row's "Confirm still correct" on the partner's list of entries (/admin/review): the date it
 * was last confirmed, "Review due" when it is, and — when due or never confirmed — the one-step
 * confirmation (POST /api/services/:id/confirm, cms/directory/confirmation.ts). The new date
 * shows at once, without a reload. The button's accessible name carries the entry's name, so a
 * screen reader's list of buttons tells them apart.
 */
import { useState } from 'react'
import { confirmEntry, shownDay } from './confirm-entry'

type Props = { id: number | string; name: string; confirmedOn: string | null; due: boolean }

export function ConfirmEntry({ id, name, confirmedOn, due }: Props) {
  const [on, setOn] = useState(confirmedOn)
  const [isDue, setDue] = useState(due)
  const [status, setStatus] = useState('')
  const [busy, setBusy] = useState(false)
  async function confirm() {
    setBusy(true)
    try {
      const result = await confirmEntry(id)
      if (result.ok) {
        setOn(result.on)
        setDue(false)
      }
      setStatus(result.ok ? `Confirmed: ${name} now shows ${shownDay(result.on)} as its last check.` : result.message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="csp-confirm-entry">
      <span className="csp-confirm-entry__date">{on ? shownDay(on) : 'Not yet confirmed'}</span>
      {isDue ? <strong className="csp-review__due"> Review due</strong> : null}
      {isDue ? (
        <div>
          {/* The name starts with the visible words, so speech users can say what they see. */}
          <button type="button" aria-label={`Confirm still correct: ${name}`} className="btn btn--style-secondary btn--size-small csp-confirm-entry__button" onClick={confirm} disabled={busy}>
            Confirm still correct
          </button>
        </div>
      ) : null}
      <span role="status" className="csp-confirm-entry__status">
        {status}
      </span>
    </div>
  )
}
