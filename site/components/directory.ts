/**
 * The directory's enhancement on /support/: reveals the filter form, filters the server-rendered
 * service cards, and searches with Pagefind. Pagefind's files load only when someone searches.
 * Any failure leaves the plain list and the browse links working.
 */

type PagefindResult = { url: string; meta: { title?: string }; excerpt: string }
type Pagefind = {
  init?: () => Promise<void>
  search: (q: string) => Promise<{ results: { data: () => Promise<PagefindResult> }[] }>
}

/** Form field → the card's data attribute it filters on (data-step-free is dataset.stepFree). */
const FIELDS = { category: 'categories', audience: 'audiences', area: 'areas', access: 'access', 'step-free': 'stepFree' } as const

let pagefind: Promise<Pagefind> | null = null
function loadPagefind(): Promise<Pagefind> {
  // A path Vite must not bundle: the index is written by `pagefind --site` after the build.
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

export function initDirectory(doc: Document = document) {
  const form = doc.querySelector<HTMLFormElement>('[data-directory-form]')
  const list = doc.querySelector<HTMLElement>('[data-directory-list]')
  const count = doc.querySelector<HTMLElement>('[data-directory-count]')
  const empty = doc.querySelector<HTMLElement>('[data-directory-empty]')
  const pages = doc.querySelector<HTMLElement>('[data-directory-pages]')
  const pagesList = doc.querySelector<HTMLElement>('[data-directory-pages-list]')
  if (!form || !list || !count || !empty || !pages || !pagesList) return
  const cards = [...list.querySelectorAll<HTMLElement>('[data-service]')]
  form.hidden = false

  // A shared link such as /support/?category=housing opens with its filters set.
  const params = new URLSearchParams(location.search)
  for (const [name, value] of params) {
    const field = form.elements.namedItem(name)
    if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value
  }

  let run = 0
  async function apply() {
    const mine = ++run
    const data = new FormData(form!)
    const q = String(data.get('q') ?? '').trim()
    let found: Set<string> | null = null
    let others: PagefindResult[] = []
    if (q) {
      count!.textContent = 'Searching…'
      try {
        const engine = await loadPagefind()
        const search = await engine.search(q)
        const results = await Promise.all(search.results.slice(0, 30).map((r) => r.data()))
        if (mine !== run) return
        found = new Set(results.filter((r) => r.url.startsWith('/services/')).map((r) => r.url))
        others = results.filter((r) => !r.url.startsWith('/services/')).slice(0, 8)
      } catch (error) {
        console.error(error)
        count!.textContent = 'Search is not available right now. The filters still work.'
      }
    }
    let shown = 0
    for (const card of cards) {
      const href = card.querySelector('a')?.getAttribute('href') ?? ''
      let ok = !found || found.has(href)
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
    count!.textContent = `${shown} ${shown === 1 ? 'service' : 'services'}${q ? ` matching “${q}”` : ''}`
    pagesList!.replaceChildren(
      ...others.map((r) => {
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
    pages!.hidden = others.length === 0
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault()
    // The address bar is left alone on purpose: search words in the URL would be kept in the
    // browser's history, which someone else may look at.
    void apply()
  })
  form.addEventListener('change', (event) => {
    if (event.target instanceof HTMLSelectElement) form.requestSubmit()
  })
  if ([...params.values()].some(Boolean)) void apply()
}
