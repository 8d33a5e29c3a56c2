import type { Page } from 'playwright-core'

/**
 * Payload renders a form's fields only once they come within 1000 px of the viewport, and keeps
 * them. The page and the edit form's sidebar scroll separately: scroll each to its end (they grow
 * as fields appear) and back, so axe sees every field.
 */
export async function renderWholePage(page: Page) {
  for (let step = 0; step < 60; step++) {
    const atEnd = await page.evaluate(() => {
      const scrollers = [document.scrollingElement!, ...document.querySelectorAll<HTMLElement>('.document-fields__sidebar, .document-fields__main')]
      let done = true
      for (const el of scrollers) {
        el.scrollBy(0, 800)
        if (el.scrollTop + el.clientHeight < el.scrollHeight - 2) done = false
      }
      return done
    })
    await page.waitForTimeout(100)
    if (atEnd) break
  }
  await page.evaluate(() => {
    for (const el of [document.scrollingElement!, ...document.querySelectorAll<HTMLElement>('.document-fields__sidebar, .document-fields__main')]) el.scrollTo(0, 0)
  })
}

/**
 * Waits until a field Payload renders only near the viewport is on the page, scrolling the page
 * and the form's two columns to their ends each time it looks: on a loaded machine the field can
 * be rendered a while after the scroll that brought it near, so one scroll and a wait for it (or a
 * scroll back to the top before it came) can leave it never rendered.
 */
export async function renderField(page: Page, selector: string, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs
  while ((await page.locator(selector).count()) === 0) {
    if (Date.now() > end) throw new Error(`${selector} was not rendered within ${timeoutMs / 1000} s of scrolling the form to its end`)
    await page.evaluate(() => {
      for (const el of [document.scrollingElement!, ...document.querySelectorAll<HTMLElement>('.document-fields__sidebar, .document-fields__main')]) el.scrollTo(0, el.scrollHeight)
    })
    await page.waitForTimeout(250)
  }
}
