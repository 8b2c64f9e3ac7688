/**
 * How this browser appears to others on a project: a generated name and colour, kept in
 * localStorage so a person keeps them across reloads and projects. (There are no user
 * accounts: the owner logs in with a token, so a name is all presence can show.)
 */
export interface Identity {
  name: string
  color: string
}

const key = 'troupe:presence-identity'
const animals = ['Otter', 'Heron', 'Lynx', 'Badger', 'Falcon', 'Marten', 'Ibis', 'Puffin']
const adjectives = ['Amber', 'Brisk', 'Calm', 'Deft', 'Keen', 'Lucky', 'Quiet', 'Swift']
/** Distinct on white and on the dark bar, and none of them the canvas's selection blue. */
export const presenceColors = ['#d9480f', '#2b8a3e', '#862e9c', '#c2255c', '#e67700', '#0b7285']

export function myIdentity(storage: Storage = window.localStorage): Identity {
  try {
    const saved = JSON.parse(storage.getItem(key) ?? 'null') as Identity | null
    if (saved && isName(saved.name) && presenceColors.includes(saved.color)) return saved
  } catch {
    // A damaged entry gets a fresh identity.
  }
  const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)] as T
  const identity = { name: `${pick(adjectives)} ${pick(animals)}`, color: pick(presenceColors) }
  storage.setItem(key, JSON.stringify(identity))
  return identity
}

export function isName(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= 40
}
