/**
 * What the player's page carries for one published version: the app's definition and where
 * its state lives. Read by apps/player from `<script id="troupe-app">`.
 */
export interface PlayerBoot {
  slug: string
  version: number
  /** `shared`: sync `instanceUrl` through the server; `visitor`: state in this browser. */
  scope: 'shared' | 'visitor'
  instanceUrl?: string
  definition: unknown
}

/** The id of the script element holding the boot JSON. */
export const PLAYER_BOOT_ID = 'troupe-app'

/**
 * The page of a published app, from the player's built index.html: the boot JSON and the
 * app's compiled CSS go into the head, and the player's asset links (`./assets/…`, Vite
 * `base: './'`) point at `assetBase` (`/player/assets/` on the server, `./assets/` in a static
 * export). Both insertions are escaped so no definition text can end its element early.
 * With `cssHref` the CSS is linked (a static export ships it as its own file) instead of inlined;
 * `wasm` names the player's Automerge .wasm asset, preloaded.
 */
export function renderPlayerPage(
  template: string,
  boot: PlayerBoot,
  css: string,
  options: { assetBase: string; title?: string; cssHref?: string; wasm?: string },
): string {
  const json = JSON.stringify(boot).replace(/</g, '\\u003c')
  const style = css.replace(/<\/(style)/gi, '<\\/$1')
  const title = (options.title ?? boot.slug).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
  const sheet = options.cssHref
    ? `<link rel="stylesheet" href="${options.cssHref}" data-troupe-app-css>`
    : `<style data-troupe-app-css>${style}</style>`
  // The wasm starts downloading with the page instead of after the player's JS has run.
  const preload = options.wasm
    ? `<link rel="preload" href="${options.assetBase}${options.wasm}" as="fetch" type="application/wasm" crossorigin>\n`
    : ''
  const head = `<title>${title}</title>\n${preload}${sheet}\n<script type="application/json" id="${PLAYER_BOOT_ID}">${json}</script>\n`
  return template
    .replace(/<title>[^<]*<\/title>\s*/, '')
    .replace(/(["'])\.\/assets\//g, `$1${options.assetBase}`)
    .replace('</head>', `${head}</head>`)
}
