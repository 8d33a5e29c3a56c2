/**
 * The directory's enhancement on /support/: filters the server-rendered service cards, and
 * searches them in the page (directory-search.ts: nothing to download, every match shown). News,
 * strategies, priorities, partnerships and "stay safe online" are searched with Pagefind, whose files load only when
 * someone asks to search those too. Any failure leaves the plain list and the browse links working.
 */
import { matchesAll, queryStems, words } from './directory-search'

type PagefindResult = { url: string; meta: { title?: string }; excerpt: string }
type Pagefind = {
  init?: () => Promise<void>
  search: (q: string) => Promise<{ results: { data: () => Promise<PagefindResult> }[] }>
}

/** Form field → the card's data attribute it filters on (data-step-free is dataset.stepFree). */
const FIELDS = { category: 'categories', audience: 'audiences', area: 'areas', access: 'access', 'step-free': 'stepFree' } as const

let pagefind: Promise<Pagefind> | null = null
function loadPagefind(): Promise<Pagefind> {
  // A path Vite must not bundle: the index is written by Pagefind after the build (scripts/lib/site-build.ts).
  const url = '/pagefind/pagefind.js'
  pagefind ??= import(/* @vite-ignore */ url).then(async (module: Pagefind) => {
    await module.init?.()
    return module
  })
  return pagefind
}

/** Text of a Pagefind excerpt, keeping only its <mark> highlights, as DOM nodes (never innerHTML). */
function excerptNodes(excerpt: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html').body.firstElementChild
  const out: Node[] = []
  parsed?.childNodes.forEach((node) => {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark')
      mark.textContent = node.textContent
      out.push(mark)
    } else out.push(document.createTextNode(node.textContent ?? ''))
  })
  return out
}

/**
 * "12 services matching “x”", in the page's language: a localised directory gives its words on the
 * count element (data-count-one, data-count-many with {n}, data-matching with {q}); else English.
 */
export function countText(count: HTMLElement, shown: number, q: string): string {
  const { countOne, countMany, matching } = count.dataset
  const base = shown === 1 && countOne ? countOne : countMany ? countMany.replace('{n}', String(shown)) : `${shown} ${shown === 1 ? 'service' : 'services'}`
  if (!q) return base
  return matching ? `${base} ${matching.replace('{q}', q)}` : `${base} matching “${q}”`
}

export function initDirectory(doc: Document = document) {
  const form = doc.querySelector<HTMLFormElement>('[data-directory-form]')
  const list = doc.querySelector<HTMLElement>('[data-directory-list]')
  const count = doc.querySelector<HTMLElement>('[data-directory-count]')
  const empty = doc.querySelector<HTMLElement>('[data-directory-empty]')
  const pages = doc.querySelector<HTMLElement>('[data-directory-pages]')
  const pagesList = doc.querySelector<HTMLElement>('[data-directory-pages-list]')
  const pagesButton = doc.querySelector<HTMLButtonElement>('[data-directory-pages-search]')
  const pagesQuery = doc.querySelector<HTMLElement>('[data-directory-pages-query]')
  const pagesStatus = doc.querySelector<HTMLElement>('[data-directory-pages-status]')
  if (!form || !list || !count || !empty) return
  // The search of news and other pages is on the English directory only: those pages are in English.
  const searchesPages = Boolean(pages && pagesList && pagesButton && pagesQuery && pagesStatus)
  const cards = [...list.querySelectorAll<HTMLElement>('[data-service]')]
  form.hidden = false

  // A shared link such as /support/?category=housing opens with its filters set.
  const params = new URLSearchParams(location.search)
  for (const [name, value] of params) {
    const field = form.elements.namedItem(name)
    if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value
  }

  // What each card shows, as words, read once (the cards never change after the page loads).
  const cardWords = new Map<HTMLElement, string[]>()
  const wordsOf = (card: HTMLElement) => {
    let known = cardWords.get(card)
    if (!known) cardWords.set(card, (known = words(card.textContent ?? '')))
    return known
  }

  function apply() {
    const data = new FormData(form!)
    const q = String(data.get('q') ?? '').trim()
    const stems = queryStems(q)
    let shown = 0
    for (const card of cards) {
      let ok = matchesAll(wordsOf(card), stems)
      for (const [name, attribute] of Object.entries(FIELDS)) {
        const want = String(data.get(name) ?? '')
        if (want && !(card.dataset[attribute] ?? '').split(' ').includes(want)) ok = false
      }
      const language = String(data.get('language') ?? '')
      if (language && !(card.dataset.languages ?? '').split('|').includes(language)) ok = false
      card.hidden = !ok
      if (ok) shown++
    }
    empty!.hidden = shown > 0
    count!.textContent = countText(count!, shown, q)
    if (!searchesPages) return
    // The other pages are searched only when asked: a new query forgets the last one's pages.
    pagesQuery!.textContent = q
    pagesList!.replaceChildren()
    pagesStatus!.textContent = ''
    pages!.hidden = !q
  }

  let run = 0
  async function searchPages() {
    const mine = ++run
    const q = pagesQuery!.textContent ?? ''
    if (!q) return
    pagesStatus!.textContent = 'Searching…'
    try {
      const engine = await loadPagefind()
      const search = await engine.search(q)
      const results = await Promise.all(search.results.slice(0, 10).map((r) => r.data()))
      if (mine !== run || q !== pagesQuery!.textContent) return
      pagesList!.replaceChildren(
        ...results.map((r) => {
          const li = doc.createElement('li')
          const a = doc.createElement('a')
          a.href = r.url
          a.textContent = r.meta.title ?? r.url
          const p = doc.createElement('p')
          p.append(...excerptNodes(r.excerpt))
          li.append(a, p)
          return li
        }),
      )
      pagesStatus!.textContent = results.length === 0 ? `No news, strategy or other page matches “${q}”.` : `${results.length === 1 ? '1 page' : `${results.length} pages`} matching “${q}”${search.results.length > results.length ? ' (the 10 closest)' : ''}`
    } catch (error) {
      console.error(error)
      if (mine === run) pagesStatus!.textContent = 'Searching the other pages is not available right now. The directory search and filters still work.'
    }
  }
  pagesButton?.addEventListener('click', () => void searchPages())

  form.addEventListener('submit', (event) => {
    event.preventDefault()
    // The address bar is left alone on purpose: search words in the URL would be kept in the
    // browser's history, which someone else may look at.
    apply()
  })
  form.addEventListener('change', (event) => {
    if (event.target instanceof HTMLSelectElement) form.requestSubmit()
  })
  if ([...params.values()].some(Boolean)) apply()
}
