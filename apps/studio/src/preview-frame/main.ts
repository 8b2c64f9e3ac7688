import { listenForPreviewHost } from '@troupe/renderer'
import { createAppCssCompiler } from '@troupe/styles'
import tailwindIndexCss from 'tailwindcss/index.css?raw'
import { keepStylesLive } from './liveStyles'

/**
 * The preview frame's page. It runs inside `<iframe sandbox="allow-scripts allow-forms">` with an opaque
 * origin, so whatever a view manages to do here cannot read the studio's page, documents or
 * cookies; it only ever receives plain copies of the app's definition and state from the
 * studio over a MessageChannel and sends raised events back. Its only CSS is the app's own
 * Tailwind, compiled here from the classes on the page: no studio style reaches it, and none
 * of its styles reach the studio.
 */
const app = document.getElementById('app')
if (!app) throw new Error('The preview page has no #app element')
// Registered synchronously while the module runs, so it is in place before the frame's
// load event, which is when the studio hands over the channel.
listenForPreviewHost(app)
keepStylesLive(app, createAppCssCompiler(tailwindIndexCss))
