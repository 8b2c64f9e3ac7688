// Where the end-to-end and browser-mode tests find Chromium, and the flags this closed
// network needs (no background networking, no first-run, no sandbox as root).
export const chromiumPath = process.env.TROUPE_CHROMIUM ?? '/usr/bin/chromium'

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]
