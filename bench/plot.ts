/**
 * bench/results/plot.svg: build time and peak memory against N, hand-written SVG (no chart library,
 * no fonts or scripts from elsewhere), readable on GitHub in light and dark mode (own background).
 */
export type PlotRow = { services: number; buildSeconds: number; astroSeconds: number; rawAstroSeconds: number; peakRssMb: number; rawPeakRssMb: number }

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')

type Series = { label: string; color: string; dash?: string; values: number[] }

function panel(x0: number, title: string, yLabel: string, ns: number[], series: Series[], budget: { value: number; label: string }) {
  const W = 420, H = 300, left = 60, top = 50, plotW = W - left - 20, plotH = H - top - 60
  const maxN = Math.max(...ns)
  const maxY = Math.max(budget.value, ...series.flatMap((s) => s.values)) * 1.1
  const sx = (n: number) => x0 + left + (n / maxN) * plotW
  const sy = (v: number) => top + plotH - (v / maxY) * plotH
  const step = niceStep(maxY / 5)
  const out: string[] = []
  out.push(`<text x="${x0 + W / 2}" y="${top - 22}" text-anchor="middle" font-size="14" font-weight="bold">${esc(title)}</text>`)
  for (let v = 0; v <= maxY; v += step) {
    out.push(`<line x1="${x0 + left}" x2="${x0 + left + plotW}" y1="${sy(v)}" y2="${sy(v)}" stroke="#ddd"/>`)
    out.push(`<text x="${x0 + left - 6}" y="${sy(v) + 4}" text-anchor="end" font-size="11">${v}</text>`)
  }
  for (const n of ns) out.push(`<text x="${sx(n)}" y="${top + plotH + 16}" text-anchor="middle" font-size="11">${n.toLocaleString('en-GB')}</text>`)
  out.push(`<line x1="${x0 + left}" x2="${x0 + left}" y1="${top}" y2="${top + plotH}" stroke="#333"/>`)
  out.push(`<line x1="${x0 + left}" x2="${x0 + left + plotW}" y1="${top + plotH}" y2="${top + plotH}" stroke="#333"/>`)
  out.push(`<text x="${x0 + left + plotW / 2}" y="${top + plotH + 34}" text-anchor="middle" font-size="12">Directory entries (N)</text>`)
  out.push(`<text transform="translate(${x0 + 16} ${top + plotH / 2}) rotate(-90)" text-anchor="middle" font-size="12">${esc(yLabel)}</text>`)
  out.push(`<line x1="${x0 + left}" x2="${x0 + left + plotW}" y1="${sy(budget.value)}" y2="${sy(budget.value)}" stroke="#b00" stroke-dasharray="2 4"/>`)
  out.push(`<text x="${x0 + left + plotW - 4}" y="${sy(budget.value) - 5}" text-anchor="end" font-size="11" fill="#b00">${esc(budget.label)}</text>`)
  series.forEach((s, i) => {
    const points = ns.map((n, j) => `${sx(n).toFixed(1)},${sy(s.values[j]!).toFixed(1)}`)
    out.push(`<polyline points="${points.join(' ')}" fill="none" stroke="${s.color}" stroke-width="2.5"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`)
    ns.forEach((n, j) => out.push(`<circle cx="${sx(n)}" cy="${sy(s.values[j]!)}" r="3.5" fill="${s.color}"><title>${esc(s.label)}: ${s.values[j]} at N=${n}</title></circle>`))
    const ly = top + plotH + 50 + i * 16
    out.push(`<line x1="${x0 + left}" x2="${x0 + left + 24}" y1="${ly - 4}" y2="${ly - 4}" stroke="${s.color}" stroke-width="2.5"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`)
    out.push(`<text x="${x0 + left + 30}" y="${ly}" font-size="11">${esc(s.label)}</text>`)
  })
  return out.join('\n')
}

function niceStep(raw: number) {
  const p = 10 ** Math.floor(Math.log10(raw))
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? raw
}

/** bench/results/publish.svg: publish-to-live against N, beside plot.svg. */
export type PublishPlotRow = { services: number; publishToLiveSeconds: number; allLiveSeconds?: number; rawPublishSeconds?: number }

export function publishPlotSvg(rows: PublishPlotRow[], subtitle: string): string {
  const ns = rows.map((r) => r.services)
  const chart = panel(0, 'Publish to live', 'seconds', ns, [
    { label: 'Publish-to-live: one edit saved over REST → new page served', color: '#1d70b8', values: rows.map((r) => r.publishToLiveSeconds) },
    // Runs from before the edited page went live ahead of its listings have none to draw.
    ...(rows.every((r) => r.allLiveSeconds !== undefined)
      ? [{ label: 'Every changed page live: listings, feeds, open data, search', color: '#d4351c', dash: '6 3', values: rows.map((r) => r.allLiveSeconds!) }]
      : []),
    // Runs from before the floor was measured have none to draw.
    ...(rows.every((r) => r.rawPublishSeconds !== undefined)
      ? [{ label: 'Raw publish floor: Astro alone re-rendering those pages', color: '#00703c', values: rows.map((r) => r.rawPublishSeconds!) }]
      : []),
  ], { value: 5, label: 'budget 5 s (issue 19)' })
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 440 420" width="440" height="420" font-family="system-ui, sans-serif" role="img" aria-labelledby="t d">
<title id="t">CSP Hub benchmark: publish-to-live against the number of directory entries</title>
<desc id="d">${esc(subtitle)}</desc>
<rect width="440" height="420" fill="#fff"/>
<g fill="#0b0c0c">
${chart}
<text x="220" y="412" text-anchor="middle" font-size="8" fill="#505a5f">${esc(subtitle)}</text>
</g>
</svg>
`
}

export function plotSvg(rows: PlotRow[], subtitle: string): string {
  const ns = rows.map((r) => r.services)
  const time = panel(0, 'Build time', 'seconds', ns, [
    { label: 'CMS build, whole pipeline (Astro + Pagefind + checks)', color: '#1d70b8', values: rows.map((r) => r.buildSeconds) },
    { label: 'CMS build, Astro step only', color: '#4c2c92', dash: '6 3', values: rows.map((r) => r.astroSeconds) },
    { label: 'Raw Astro floor (same pages from one JSON file)', color: '#00703c', values: rows.map((r) => r.rawAstroSeconds) },
  ], { value: 60, label: 'budget 60 s' })
  const memory = panel(440, 'Peak memory of the build (process tree)', 'MB (summed RSS)', ns, [
    { label: 'CMS build, whole pipeline (at 10k the peak is Pagefind indexing)', color: '#d4351c', values: rows.map((r) => r.peakRssMb) },
    { label: 'Raw Astro floor', color: '#00703c', values: rows.map((r) => r.rawPeakRssMb) },
  ], { value: 1500, label: 'budget 1,500 MB (issue 19)' })
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 880 400" width="880" height="400" font-family="system-ui, sans-serif" role="img" aria-labelledby="t d">
<title id="t">CSP Hub benchmark: build time and peak memory against the number of directory entries</title>
<desc id="d">${esc(subtitle)}</desc>
<rect width="880" height="400" fill="#fff"/>
<g fill="#0b0c0c">
${time}
${memory}
<text x="440" y="392" text-anchor="middle" font-size="10" fill="#505a5f">${esc(subtitle)}</text>
</g>
</svg>
`
}
