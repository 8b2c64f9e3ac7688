/**
 * @troupe/styles: what a published app's page is made of besides code. Its Tailwind CSS from
 * the classes it uses, the same in the studio's preview frame (browser) and when publishing
 * (Node, see ./node), and the page itself around the player (`renderPlayerPage`).
 */
export * from './app-css'
export * from './player-page'
