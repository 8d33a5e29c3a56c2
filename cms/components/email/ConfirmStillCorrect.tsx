'use client'
/**
 * On a directory entry, for its own partner (and editors): "Confirm still correct" in one step
 * (POST /api/services/:id/confirm, cms/directory/confirmation.ts). Records who and when, clears
 * the review flag, changes no content, needs no review. The reminder email links here.
 */
import { useDocumentInfo } from '@payloadcms/ui'
import { useState } from 'react'

export function ConfirmStillCorrect() {
  const { id } = useDocumentInfo()
  const [status, setStatus] = useState('')
  const [busy, setBusy] = useState(false)
  if (!id) return null
  async function confirm() {
    setBusy(true)
    try {
      const response = await fetch(`/api/services/${id}/confirm`, { method: 'POST', credentials: 'include' })
      const json = (await response.json().catch(() => ({}))) as { message?: string; errors?: { message?: string }[] }
      setStatus(response.ok ? (json.message ?? 'Confirmed.') : (json.errors?.[0]?.message ?? `Not confirmed (${response.status}).`))
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
