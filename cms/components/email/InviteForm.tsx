'use client'
/** The invitation form: plain labelled fields, errors next to the field they are about, the result announced. */
import { useState, type FormEvent } from 'react'

type Props = { organisations: { id: number | string; name: string }[]; roles: { value: string; label: string }[] }
type Errors = Record<string, string>

const field: React.CSSProperties = { display: 'block', width: '100%', maxWidth: '32rem', padding: '0.5rem', fontSize: '1rem', marginTop: '0.25rem' }
const group: React.CSSProperties = { margin: '0 0 1.25rem' }
const error: React.CSSProperties = { color: 'var(--theme-error-600, #b00020)', fontWeight: 600, margin: '0.25rem 0 0' }

export function InviteForm({ organisations, roles }: Props) {
  const [role, setRole] = useState('partner')
  const [errors, setErrors] = useState<Errors>({})
  const [status, setStatus] = useState('')
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = event.currentTarget
    const data = Object.fromEntries(new FormData(form)) as Record<string, string>
    setBusy(true)
    setStatus('')
    setErrors({})
    try {
      const response = await fetch('/api/users/invite', {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...data, organisation: data.role === 'partner' ? Number(data.organisation) || null : null }),
      })
      const json = (await response.json().catch(() => ({}))) as { message?: string; errors?: { message?: string; data?: { errors?: { path: string; message: string }[] } }[] }
      if (response.ok) {
        setStatus(json.message ?? 'Invitation sent.')
        form.reset()
        setRole('partner')
        return
      }
      const fieldErrors: Errors = {}
      for (const e of json.errors ?? []) for (const f of e.data?.errors ?? []) fieldErrors[f.path] = f.message
      setErrors(fieldErrors)
      setStatus(Object.keys(fieldErrors).length ? 'The invitation was not sent: correct the fields marked below.' : (json.errors?.[0]?.message ?? `The invitation was not sent (${response.status}).`))
    } finally {
      setBusy(false)
    }
  }

  const describedBy = (name: string) => (errors[name] ? `invite-${name}-error` : undefined)
  const problem = (name: string) => (errors[name] ? <p id={`invite-${name}-error`} style={error}>{errors[name]}</p> : null)

  return (
    <form onSubmit={submit} noValidate style={{ marginTop: '1.5rem' }}>
      <p role="status" aria-live="polite" style={{ fontWeight: 600, minHeight: '1.5em' }}>{status}</p>
      <div style={group}>
        <label htmlFor="invite-email">Email address</label>
        <input id="invite-email" name="email" type="email" autoComplete="off" required aria-invalid={Boolean(errors.email)} aria-describedby={describedBy('email')} style={field} />
        {problem('email')}
      </div>
      <div style={group}>
        <label htmlFor="invite-name">Name</label>
        <input id="invite-name" name="name" type="text" autoComplete="off" required aria-invalid={Boolean(errors.name)} aria-describedby={describedBy('name')} style={field} />
        {problem('name')}
      </div>
      <fieldset style={{ ...group, border: 0, padding: 0 }}>
        <legend>Role</legend>
        {roles.map((r) => (
          <div key={r.value} style={{ margin: '0.4rem 0' }}>
            <input id={`invite-role-${r.value}`} type="radio" name="role" value={r.value} checked={role === r.value} onChange={() => setRole(r.value)} style={{ width: '1.25rem', height: '1.25rem', verticalAlign: 'middle' }} />{' '}
            <label htmlFor={`invite-role-${r.value}`}>{r.label}</label>
          </div>
        ))}
        {problem('role')}
      </fieldset>
      {role === 'partner' ? (
        <div style={group}>
          <label htmlFor="invite-organisation">Organisation</label>
          <select id="invite-organisation" name="organisation" required aria-invalid={Boolean(errors.organisation)} aria-describedby={describedBy('organisation')} style={field} defaultValue="">
            <option value="" disabled>Choose their organisation</option>
            {organisations.map((o) => (
              <option key={o.id} value={String(o.id)}>{o.name}</option>
            ))}
          </select>
          {problem('organisation')}
        </div>
      ) : null}
      <button type="submit" className="btn btn--style-primary btn--size-medium" disabled={busy}>
        {busy ? 'Sending…' : 'Send invitation'}
      </button>
    </form>
  )
}
