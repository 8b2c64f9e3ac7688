import { describe, expect, it } from 'vitest'
import { PLAYER_BOOT_ID, renderPlayerPage } from '../src/player-page'

const template =
  '<!doctype html><html><head><title>Troupe app</title><script type="module" src="./assets/index-1.js"></script></head><body><div id="app"></div></body></html>'

const boot = (text: string) => ({
  slug: 'demo',
  version: 2,
  scope: 'visitor' as const,
  definition: { name: text },
})

describe('renderPlayerPage', () => {
  it('puts the boot JSON and CSS in the head and points assets at the given base', () => {
    const html = renderPlayerPage(template, boot('x'), '.p-4{padding:1rem}', {
      assetBase: '/player/assets/',
      title: 'Demo',
      wasm: 'automerge-1.wasm',
    })
    expect(html).toContain('src="/player/assets/index-1.js"')
    expect(html).toContain('<title>Demo</title>')
    expect(html).not.toContain('Troupe app')
    expect(html).toContain('<style data-troupe-app-css>.p-4{padding:1rem}</style>')
    expect(html).toContain(
      '<link rel="preload" href="/player/assets/automerge-1.wasm" as="fetch" type="application/wasm" crossorigin>',
    )
    const json = new RegExp(`id="${PLAYER_BOOT_ID}">(.*?)</script>`).exec(html)?.[1]
    expect(JSON.parse(json ?? '')).toEqual(boot('x'))
  })

  it('cannot be broken out of by definition text, CSS or a title', () => {
    const html = renderPlayerPage(
      template,
      boot('</script><script>alert(1)</script>'),
      'a{}</style><img src=x onerror=alert(1)>',
      {
        assetBase: './assets/',
        title: '<b>"t"</b>',
      },
    )
    // Raw-text elements end only at their own end tag: one each, the real ones.
    expect(html.match(/<\/style/gi)).toHaveLength(1)
    expect(html.match(/<\/script/gi)).toHaveLength(2) // the player's and the boot JSON's
    expect(html).toContain('<title>&#60;b&#62;&#34;t&#34;&#60;/b&#62;</title>')
    const json = new RegExp(`id="${PLAYER_BOOT_ID}">(.*?)</script>`).exec(html)?.[1]
    expect(JSON.parse(json ?? '').definition.name).toBe('</script><script>alert(1)</script>')
  })

  it('links the CSS file of a static export instead of inlining it', () => {
    const html = renderPlayerPage(template, boot('x'), 'a{}', {
      assetBase: './assets/',
      cssHref: './app.css',
    })
    expect(html).toContain('<link rel="stylesheet" href="./app.css" data-troupe-app-css>')
    expect(html).not.toContain('<style')
  })
})
