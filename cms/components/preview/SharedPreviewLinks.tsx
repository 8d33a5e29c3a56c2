'use client'
/**
 * The document's live shared preview links (unexpired, not revoked), for staff, in the edit
 * screen's sidebar (cms/fields/shared-preview-links.ts): each with its expiry, its address and a
 * Revoke button, and a form to create one. Everything goes through the REST API of the
 * preview-links collection, whose access is staff only.
 */
import { useAuth, useDocumentInfo } from '@payloadcms/ui'
import { useCallback, useEffect, useId, useState } from 'react'

type Link = { id: number | string; label: string; expiresAt: string; url?: string | null }

const DEFAULT_DAYS = 7
const MAX_DAYS = 14
const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })

async function errorOf(response: Response): Promise<string> {
  const json = (await response.json().catch(() => ({}))) as { errors?: { message?: string; data?: { errors?: { message?: string }[] } }[] }
  const first = json.errors?.[0]
  return first?.data?.errors?.[0]?.message ?? first?.message ?? `The server answered ${response.status}.`
}

export function SharedPreviewLinks() {
  const { user } = useAuth()
  const { id, collectionSlug } = useDocumentInfo()
  const headingId = useId()
  const [links, setLinks] = useState<Link[] | null>(null)
  const [label, setLabel] = useState('')
  const [days, setDays] = useState(String(DEFAULT_DAYS))
  const [status, setStatus] = useState('')
  const [busy, setBusy] = useState(false)
  const staff = user?.role === 'admin' || user?.role === 'editor'

  const load = useCallback(async () => {
    if (!id || !collectionSlug) return
    const query = new URLSearchParams({
      'where[collectionSlug][equals]': collectionSlug,
      'where[documentId][equals]': String(id),
      'where[revoked][not_equals]': 'true',
      'where[expiresAt][greater_than]': new Date().toISOString(),
      sort: 'expiresAt',
      depth: '0',
      limit: '50',
    })
    const response = await fetch(`/api/preview-links?${query}`, { credentials: 'include' })
    if (!response.ok) return setStatus(`Could not list the links: ${await errorOf(response)}`)
    setLinks(((await response.json()) as { docs: Link[] }).docs)
  }, [id, collectionSlug])

  useEffect(() => {
    if (staff) void load()
  }, [staff, load])

  if (!staff || !id || !collectionSlug) return null

  async function create() {
    if (!label.trim()) return setStatus('Say who the link is for.')
    setBusy(true)
    try {
      const n = Math.min(MAX_DAYS, Math.max(1, Math.round(Number(days)) || DEFAULT_DAYS))
      const response = await fetch('/api/preview-links', {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ label: label.trim(), collectionSlug, documentId: String(id), expiresAt: new Date(Date.now() + n * 86_400_000).toISOString() }),
      })
      if (!response.ok) return setStatus(`Not created: ${await errorOf(response)}`)
      setLabel('')
      setStatus(`Link created for “${label.trim()}”; it expires in ${n} day${n === 1 ? '' : 's'}.`)
      await load()
    } finally {
      setBusy(false)
    }
  }

  async function revoke(link: Link) {
    setBusy(true)
    try {
      const response = await fetch(`/api/preview-links/${link.id}`, {
        method: 'PATCH',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ revoked: true }),
      })
      setStatus(response.ok ? `Link for “${link.label}” revoked: it now shows “not found”.` : `Not revoked: ${await errorOf(response)}`)
      await load()
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="csp-shared-links" aria-labelledby={headingId} style={{ margin: '1.5rem 0' }}>
      <h3 id={headingId} style={{ margin: '0 0 0.5rem' }}>Shared preview links</h3>
      <p style={{ margin: '0 0 0.5rem' }}>
        A link shows this document’s saved draft to someone without an account, until it expires (at most {MAX_DAYS} days) or you revoke it.
      </p>
      {links === null ? (
        <p>Loading…</p>
      ) : links.length === 0 ? (
        <p>No live links.</p>
      ) : (
        <ul style={{ listStyle: 'none', padding: 0, margin: '0 0 1rem' }}>
          {links.map((link) => (
            <li key={link.id} style={{ margin: '0 0 0.75rem' }}>
              <strong>{link.label}</strong>
              <br />
              Expires {when(link.expiresAt)}
              {link.url && (
                <>
                  <br />
                  <a href={link.url} target="_blank" rel="noreferrer" style={{ wordBreak: 'break-all' }}>{link.url}</a>
                </>
              )}
              <br />
              <button type="button" className="btn btn--style-secondary btn--size-small" onClick={() => void revoke(link)} disabled={busy} aria-label={`Revoke the link for ${link.label}`}>
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
      {/* Not a <form>: this sits inside Payload's document form, whose submit would save the document. */}
      <div role="group" aria-label="Create a shared link" onKeyDown={(e) => {
        if (e.key === 'Enter' && e.target instanceof HTMLInputElement) {
          e.preventDefault() // Enter would otherwise submit (save) the document form around this panel
          void create()
        }
      }}>
        <label htmlFor={`${headingId}-label`} style={{ display: 'block' }}>Who it is for</label>
        <input id={`${headingId}-label`} value={label} onChange={(e) => setLabel(e.target.value)} style={{ width: '100%' }} />
        <label htmlFor={`${headingId}-days`} style={{ display: 'block', marginTop: '0.5rem' }}>Days until it expires (1–{MAX_DAYS})</label>
        <input id={`${headingId}-days`} type="number" min={1} max={MAX_DAYS} value={days} onChange={(e) => setDays(e.target.value)} style={{ width: '6rem' }} />
        <div style={{ marginTop: '0.5rem' }}>
          <button type="button" className="btn btn--style-primary btn--size-small" onClick={() => void create()} disabled={busy}>
            Create a shared link
          </button>
        </div>
      </div>
      <p role="status" aria-live="polite" style={{ fontWeight: 600 }}>{status}</p>
    </section>
  )
}
