/**
 * @troupe/styles: an app's Tailwind CSS from the classes it uses, the same in the studio's
 * preview frame (browser) and when publishing (Node, see ./node).
 */
export * from './app-css'
