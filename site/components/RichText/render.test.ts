import { describe, expect, it } from 'vitest'
import { escapeHtml, renderRichText, richTextToPlain, safeHref } from './render'

const doc = (...children: unknown[]) => ({ root: { type: 'root', children } })
const t = (text: string, format = 0) => ({ type: 'text', text, format })
const p = (...children: unknown[]) => ({ type: 'paragraph', children })

describe('renderRichText', () => {
  it('renders paragraphs with bold and italic text', () => {
    expect(renderRichText(doc(p(t('Plain '), t('bold', 1), t(' and '), t('both', 3))))).toBe(
      '<p>Plain <strong>bold</strong> and <strong><em>both</em></strong></p>',
    )
  })

  it('escapes every piece of text', () => {
    const html = renderRichText(doc(p(t('<script>alert("x")</script> & \'q\''))))
    expect(html).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;</p>')
    expect(html).not.toContain('<script')
  })

  it('maps headings into h2–h4, relative to the page', () => {
    const h = (tag: string) => ({ type: 'heading', tag, children: [t(tag)] })
    expect(renderRichText(doc(h('h1'), h('h2'), h('h3'), h('h4'), h('h6')))).toBe(
      '<h2>h1</h2>\n<h2>h2</h2>\n<h3>h3</h3>\n<h4>h4</h4>\n<h4>h6</h4>',
    )
    expect(renderRichText(doc(h('h2'), h('h3')), { headingLevel: 3 })).toBe('<h3>h2</h3>\n<h4>h3</h4>')
  })

  it('renders bullet, numbered and nested lists', () => {
    const li = (...children: unknown[]) => ({ type: 'listitem', children })
    const list = (listType: string, ...items: unknown[]) => ({ type: 'list', listType, children: items })
    expect(renderRichText(doc(list('bullet', li(t('a')), li(t('b'), list('number', li(t('c')))))))).toBe(
      '<ul><li>a</li><li>b<ol><li>c</li></ol></li></ul>',
    )
  })

  it('renders quotes and line breaks', () => {
    expect(renderRichText(doc({ type: 'quote', children: [t('one'), { type: 'linebreak' }, t('two')] }))).toBe(
      '<blockquote><p>one<br>two</p></blockquote>',
    )
  })

  it('keeps safe links with rel=noopener noreferrer', () => {
    const a = (url: string) => doc(p({ type: 'link', fields: { url, linkType: 'custom' }, children: [t('go')] }))
    expect(renderRichText(a('https://www.gov.uk/report-domestic-abuse'))).toBe(
      '<p><a href="https://www.gov.uk/report-domestic-abuse" rel="noopener noreferrer">go</a></p>',
    )
    expect(renderRichText(a('mailto:info@example.org'))).toContain('href="mailto:info@example.org"')
    expect(renderRichText(a('tel:999'))).toContain('href="tel:999"')
    expect(renderRichText(a('https://example.org/?a=1&b="2"'))).toContain('href="https://example.org/?a=1&amp;b=&quot;2&quot;"')
  })

  it('drops dangerous or unknown links but keeps their text', () => {
    for (const url of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'java\nscript:alert(1)', 'data:text/html,x', '/relative', 'vbscript:x', 'https://exa mple.org']) {
      expect(renderRichText(doc(p({ type: 'link', fields: { url }, children: [t('text')] })))).toBe('<p>text</p>')
    }
    // An internal link points at a CMS document the site may not publish: text only.
    expect(renderRichText(doc(p({ type: 'link', fields: { linkType: 'internal', doc: { value: 1 } }, children: [t('doc')] })))).toBe('<p>doc</p>')
  })

  it('drops elements outside the allow-list and keeps container text', () => {
    expect(renderRichText(doc({ type: 'upload', value: { url: '/x.png' } }, { type: 'horizontalrule' }))).toBe('\n')
    expect(renderRichText(doc({ type: 'mystery', children: [t('kept')] }))).toBe('kept')
    expect(renderRichText(doc(p(t('x', 16 /* code */))))).toBe('<p>x</p>')
  })

  it('skips empty paragraphs and survives malformed input', () => {
    expect(renderRichText(doc(p(), p(t(' '))))).toBe('\n')
    for (const bad of [null, undefined, 'text', 42, {}, { root: null }, { root: { children: 'x' } }]) expect(renderRichText(bad)).toBe('')
    expect(renderRichText(doc(null, 3, p(null, t('ok'))))).toBe('<p>ok</p>')
  })
})

describe('safeHref and escapeHtml', () => {
  it('accepts only http(s), mailto and tel', () => {
    expect(safeHref('https://a.example/')).toBe('https://a.example/')
    expect(safeHref(' http://a.example ')).toBe('http://a.example')
    expect(safeHref('ftp://a.example')).toBeNull()
    expect(safeHref(undefined)).toBeNull()
  })
  it('escapes the five HTML specials', () => expect(escapeHtml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&#39;'))
})

describe('richTextToPlain', () => {
  it('flattens text', () => expect(richTextToPlain(doc(p(t('One')), p(t('two '), t('three', 1))))).toBe('One two three'))
})
