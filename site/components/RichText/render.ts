/**
 * Renders Payload's Lexical JSON to HTML with an allow-list: paragraphs, headings h2–h4, lists,
 * quotes, line breaks, bold and italic text, and links to http(s), mailto and tel only. Anything
 * else keeps its text and loses its element; every string is escaped. Small on purpose: the CMS
 * text is the one thing on this site that outsiders write, so nothing in it may become markup.
 */
import { isWebAddress } from '../../../cms/rules'

type Node = {
  type?: unknown
  children?: unknown
  text?: unknown
  format?: unknown
  tag?: unknown
  listType?: unknown
  fields?: unknown
  url?: unknown
}

export type RenderOptions = {
  /** The level the document's own top headings should take (2 on a page whose title is the h1). */
  headingLevel?: 2 | 3 | 4
  /** Give each heading an id `<prefix>-<n>` (n from 1, in document order), so a contents list can link to it (headingsOf). */
  headingIds?: string
}

const IS_BOLD = 1
const IS_ITALIC = 1 << 1

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ESCAPES[c]!)

/** http(s), mailto and tel links only; returns the URL to use, or null to render plain text. */
export function safeHref(raw: unknown): string | null {
  if (typeof raw !== 'string') return null
  const url = raw.trim()
  // Control characters and whitespace inside a scheme are how "java\nscript:" slips through.
  if (/[\u0000-\u001f\u007f]/.test(url)) return null
  if (isWebAddress(url)) return url
  if (/^mailto:[^\s@]+@[^\s@]+$/i.test(url)) return url
  if (/^tel:\+?[0-9 ()-]{3,}$/i.test(url)) return url
  return null
}

const asNodes = (value: unknown): Node[] => (Array.isArray(value) ? (value.filter((n) => n && typeof n === 'object') as Node[]) : [])

function headingLevel(tag: unknown, base: number): number {
  const source = typeof tag === 'string' && /^h[1-6]$/.test(tag) ? Number(tag[1]) : 2
  // The document's h1/h2 become `base`; deeper levels follow, never beyond h4.
  return Math.min(4, Math.max(base, base + Math.max(0, source - 2)))
}

function text(node: Node): string {
  let html = escapeHtml(typeof node.text === 'string' ? node.text : '')
  const format = typeof node.format === 'number' ? node.format : 0
  if (format & IS_ITALIC) html = `<em>${html}</em>`
  if (format & IS_BOLD) html = `<strong>${html}</strong>`
  return html
}

function link(node: Node, inner: string): string {
  const fields = (node.fields && typeof node.fields === 'object' ? node.fields : {}) as { url?: unknown; linkType?: unknown }
  const href = fields.linkType === 'internal' ? null : safeHref(fields.url ?? node.url)
  return href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${inner}</a>` : inner
}

type Rendering = { headingLevel: 2 | 3 | 4; headingIds?: string; headings: number }

function renderNode(node: Node, options: Rendering): string {
  const inner = () => asNodes(node.children).map((child) => renderNode(child, options)).join('')
  switch (node.type) {
    case 'text':
      return text(node)
    case 'linebreak':
      return '<br>'
    case 'tab':
      return ' '
    case 'paragraph': {
      const html = inner()
      return html.trim() ? `<p>${html}</p>` : ''
    }
    case 'heading': {
      const level = headingLevel(node.tag, options.headingLevel)
      const id = options.headingIds ? ` id="${escapeHtml(`${options.headingIds}-${++options.headings}`)}"` : ''
      return `<h${level}${id}>${inner()}</h${level}>`
    }
    case 'quote':
      return `<blockquote><p>${inner()}</p></blockquote>`
    case 'list': {
      const tag = node.listType === 'number' || node.tag === 'ol' ? 'ol' : 'ul'
      return `<${tag}>${inner()}</${tag}>`
    }
    case 'listitem':
      return `<li>${inner()}</li>`
    case 'link':
    case 'autolink':
      return link(node, inner())
    default:
      // Unknown containers keep their words; unknown leaves (uploads, blocks, embeds) are dropped.
      return Array.isArray(node.children) ? inner() : ''
  }
}

/** Lexical JSON (as Payload stores it) → safe HTML. Missing or malformed input renders nothing. */
export function renderRichText(value: unknown, options: RenderOptions = {}): string {
  const root = value && typeof value === 'object' ? (value as { root?: Node }).root : undefined
  if (!root || typeof root !== 'object') return ''
  const rendering: Rendering = { headingLevel: options.headingLevel ?? 2, headingIds: options.headingIds, headings: 0 }
  return asNodes(root.children)
    .map((node) => renderNode(node, rendering))
    .join('\n')
}

/** The plain text of a rich-text value, for summaries and meta descriptions. */
export function richTextToPlain(value: unknown): string {
  const walk = (node: Node): string =>
    node.type === 'text' ? String(node.text ?? '') : node.type === 'linebreak' ? ' ' : asNodes(node.children).map(walk).join(node.type === 'root' ? ' ' : '')
  const root = value && typeof value === 'object' ? (value as { root?: Node }).root : undefined
  return root ? walk(root).replace(/\s+/g, ' ').trim() : ''
}

/**
 * The headings of a rich-text value, in order, with the ids renderRichText gives them under
 * `headingIds: prefix`: a page's contents list.
 */
export function headingsOf(value: unknown, prefix: string): { id: string; text: string }[] {
  const root = value && typeof value === 'object' ? (value as { root?: Node }).root : undefined
  if (!root || typeof root !== 'object') return []
  const out: { id: string; text: string }[] = []
  const plain = (node: Node): string => (node.type === 'text' ? String(node.text ?? '') : asNodes(node.children).map(plain).join(''))
  const walk = (node: Node) => {
    if (node.type === 'heading') out.push({ id: `${prefix}-${out.length + 1}`, text: plain(node).replace(/\s+/g, ' ').trim() })
    // Headings are only rendered at the top level or inside containers renderNode walks.
    else asNodes(node.children).forEach(walk)
  }
  asNodes(root.children).forEach(walk)
  return out
}
