import { issueCodes, type TroupeIssue } from '../issues'

/** Lower-case letters, digits and single dashes, 1 to 63 characters: safe in any URL path. */
const slugPattern = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){0,62}$/

/** Why a slug cannot name a published app, or undefined when it can. */
export function slugProblem(slug: string): TroupeIssue | undefined {
  if (slugPattern.test(slug)) return undefined
  return {
    code: issueCodes.invalidSlug,
    message: `"${slug}" cannot name an app: use 1 to 63 lower-case letters, digits and single dashes (e.g. "todo-list")`,
    path: ['slug'],
  }
}

/** A slug made from a project name: "My Todo List!" becomes "my-todo-list". */
export function slugFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '')
  return slug || 'app'
}
