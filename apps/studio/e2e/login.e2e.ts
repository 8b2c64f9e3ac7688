import { describe, expect, test } from 'vitest'
import { studioForFile } from './observe-page'

/**
 * The login page as a person meets it, in real Chromium against the real server: a browser
 * that has not logged in sees the instruction instead of the studio; the link the server
 * printed logs it in with an HttpOnly cookie; a link with a wrong token says TRP-601.
 */
const studio = studioForFile({ login: false })

describe('logging in to the studio', () => {
  test('without a login the studio shows the log-in page with what to do', async () => {
    const page = await (await studio.browser.newContext()).newPage()
    await page.goto(studio.server.url)
    const alert = page.getByRole('alert')
    await expect.poll(() => alert.isVisible()).toBe(true)
    expect(await page.getByRole('heading', { name: 'Log in to Troupe' }).isVisible()).toBe(true)
    const text = await alert.innerText()
    expect(text).toContain('Open the login link the Troupe server printed')
    expect(text).toContain('owner-token')
    expect(text).toContain('TRP-600')
    // Nothing of the studio is there to use.
    expect(await page.getByRole('region', { name: 'Canvas' }).count()).toBe(0)
    await page.context().close()
  })

  test('the printed link logs in with an HttpOnly cookie and opens the studio', async () => {
    const context = await studio.browser.newContext()
    const page = await context.newPage()
    await page.goto(studio.server.loginUrl)
    await page.getByRole('region', { name: 'Canvas' }).waitFor()
    // The token left the address bar.
    expect(page.url()).not.toContain('token=')
    const cookies = await context.cookies(studio.server.url)
    const session = cookies.find((cookie) => cookie.name === `troupe_session_${studio.server.port}`)
    expect(session?.httpOnly).toBe(true)
    expect(session?.sameSite).toBe('Strict')
    // Script on the page cannot read it.
    expect(await page.evaluate(() => document.cookie)).not.toContain('troupe_session')
    await context.close()
  })

  test('a link with a wrong token shows TRP-601 and logs nothing in', async () => {
    const context = await studio.browser.newContext()
    const page = await context.newPage()
    const response = await page.goto(
      `${studio.server.url}/?token=not-the-owner-token-not-the-owner-token`,
    )
    expect(response?.status()).toBe(401)
    expect(
      await page.getByRole('heading', { name: 'This login link is not valid' }).isVisible(),
    ).toBe(true)
    expect(await page.locator('body').innerText()).toContain('TRP-601')
    expect(await context.cookies(studio.server.url)).toEqual([])
    await context.close()
  })
})
