'use client'
/**
 * On a person's account, for the comms team, while their invitation is open (sent, no password
 * chosen yet; perhaps expired): "Send a new invitation link" (POST /api/users/:id/resend-invitation,
 * cms/email/invite.ts). The new link works once for 72 hours and the earlier one stops working.
 */
import { useDocumentInfo } from '@payloadcms/ui'
import { useState } from 'react'

export function ResendInvitation() {
  const { id } = useDocumentInfo()
  const [status, setStatus] = useState('')
  const [busy, setBusy] = useState(false)
  if (!id) return null
  async function resend() {
    setBusy(true)
    try {
      const response = await fetch(`/api/users/${id}/resend-invitation`, { method: 'POST', credentials: 'include' })
      const json = (await response.json().catch(() => ({}))) as { message?: string; errors?: { message?: string }[] }
      setStatus(response.ok ? (json.message ?? 'A new invitation link was sent.') : (json.errors?.[0]?.message ?? `Not sent (${response.status}).`))
    } catch {
      setStatus('Not sent: the CMS could not be reached. Please try again.')
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="csp-resend" style={{ margin: '0 0 1.5rem' }}>
      <p style={{ margin: '0 0 0.5rem' }}>This person has not chosen a password yet. Their link works once and expires 72 hours after it was sent.</p>
      <button type="button" className="btn btn--style-secondary btn--size-medium" onClick={resend} disabled={busy}>
        Send a new invitation link
      </button>
      <p role="status" aria-live="polite" style={{ fontWeight: 600 }}>{status}</p>
    </div>
  )
}
