/** The browser side of "Confirm still correct", shared by the entry form and the partner's list. */

export type ConfirmResult = { ok: true; on: string; by: string | null; message: string } | { ok: false; message: string }

/** A day as the admin shows dates elsewhere: 23 Nov 2026. */
export const shownDay = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })

export async function confirmEntry(id: number | string): Promise<ConfirmResult> {
  try {
    const response = await fetch(`/api/services/${id}/confirm`, { method: 'POST', credentials: 'include' })
    const json = (await response.json().catch(() => ({}))) as { message?: string; confirmed?: { on?: string; by?: string | null }; errors?: { message?: string }[] }
    if (response.ok && json.confirmed?.on) return { ok: true, on: json.confirmed.on, by: json.confirmed.by ?? null, message: json.message ?? 'Confirmed.' }
    return { ok: false, message: json.errors?.[0]?.message ?? `Not confirmed (${response.status}). Please try again.` }
  } catch {
    return { ok: false, message: 'Not confirmed: the CMS could not be reached. Please try again.' }
  }
}
