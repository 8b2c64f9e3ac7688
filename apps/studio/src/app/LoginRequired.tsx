/**
 * Asks the server whether this browser is logged in (GET /api/session). Only a clear "no"
 * (401) stops the studio; anything else (a dev server without the API, a network hiccup)
 * lets it open, and the sync connection says the rest.
 */
export async function isLoggedIn(): Promise<boolean> {
  try {
    return (await fetch('/api/session', { credentials: 'same-origin' })).status !== 401
  } catch {
    return true
  }
}

/** Shown instead of the studio when the server says this browser has not logged in. */
export function LoginRequired() {
  return (
    <main className="studio-message" role="alert">
      <h1>Log in to Troupe</h1>
      <p>
        Open the login link the Troupe server printed when it started (it looks like{' '}
        <code>http://localhost:4321/?token=…</code>). It logs this browser in; the link is also in
        the server's data folder, file <code>owner-token</code>. (TRP-600)
      </p>
    </main>
  )
}
