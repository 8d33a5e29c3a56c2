'use client'
/**
 * On a directory entry, for its own partner (and editors): "Confirm still correct" in one step
 * (POST /api/services/:id/confirm, cms/directory/confirmation.ts). Records who and when, clears
 * the review flag, changes no content, needs no review. The reminder email links here. On success
 * the form's own "Last confirmed" date and "Six-monthly check" show the new state at once (form
 * state, not a save: the fields are read-only and the server ignores them on save).
 */
import { useDocumentInfo, useForm } from '@payloadcms/ui'
import { useState } from 'react'
import { confirmEntry } from './confirm-entry'

export function ConfirmStillCorrect() {
  const { id } = useDocumentInfo()
  const { dispatchFields } = useForm()
  const [status, setStatus] = useState('')
  const [busy, setBusy] = useState(false)
  if (!id) return null
  async function confirm() {
    setBusy(true)
    try {
      const result = await confirmEntry(id!)
      if (result.ok) {
        dispatchFields({ type: 'UPDATE', path: 'confirmed.on', value: result.on, initialValue: result.on })
        if (result.by) dispatchFields({ type: 'UPDATE', path: 'confirmed.by', value: result.by, initialValue: result.by })
        dispatchFields({ type: 'UPDATE', path: 'reviewDue', value: 'Up to date', initialValue: 'Up to date' })
      }
      setStatus(result.message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="csp-confirm" style={{ margin: '0 0 1.5rem' }}>
      <p style={{ margin: '0 0 0.5rem' }}>Nothing to change? Confirm that every detail is still correct. This needs no review.</p>
      <button type="button" className="btn btn--style-secondary btn--size-medium" onClick={confirm} disabled={busy}>
        Confirm still correct
      </button>
      <p role="status" aria-live="polite" style={{ fontWeight: 600 }}>{status}</p>
    </div>
  )
}
