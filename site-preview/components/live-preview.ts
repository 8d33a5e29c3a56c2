/**
 * The preview page's side of Payload's live preview (@payloadcms/ui LivePreview): Payload waits for
 * `{type: 'payload-live-preview', ready: true}` from the frame, then posts
 * `{type: 'payload-document-event'}` after every save, draft save or autosave. The page is
 * rendered on the server, so it reloads — when the draft really changed.
 */
const versionOf = (html: string) => /<meta name="preview-version" content="([^"]*)"/.exec(html)?.[1]

export function connectLivePreview(win: Window) {
  if (win.parent === win) return // opened on its own, not beside the form
  const current = win.document.querySelector<HTMLMetaElement>('meta[name="preview-version"]')?.content
  let checking = false
  win.addEventListener('message', async (event) => {
    if (event.origin !== win.location.origin || event.data?.type !== 'payload-document-event' || checking) return
    checking = true
    try {
      const response = await fetch(win.location.href, { credentials: 'same-origin', cache: 'no-store' })
      const next = versionOf(await response.text())
      if (!response.ok || next !== current) win.location.reload()
    } catch {
      win.location.reload()
    } finally {
      checking = false
    }
  })
  win.parent.postMessage({ type: 'payload-live-preview', ready: true }, win.location.origin)
}
