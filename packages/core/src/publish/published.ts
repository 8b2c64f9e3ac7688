/**
 * What the server answers a publish with (POST /api/apps): the server builds it, the studio
 * and the CLI show it. One type, so the two sides cannot drift apart.
 */
export interface Published {
  slug: string
  number: number
  /** Path of the live app, e.g. /apps/todo. */
  path: string
  versionPath: string
  /** The app key, only on the first publish of the app (shown once, stored hashed). */
  key?: string
}
