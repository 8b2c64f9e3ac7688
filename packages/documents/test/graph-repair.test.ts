import { Repo } from '@automerge/automerge-repo'
import { type ActorDefinition, type ProjectFile, seededRandom, validateProject } from '@troupe/core'
import { afterEach, describe, expect, it } from 'vitest'
import {
  breaksGraphRules,
  createProject,
  type DocHandle,
  linkChild,
  type ProjectDoc,
  removeActor,
  repairedGraph,
  setActorView,
  subscribe,
  toProjectFile,
  watchProject,
} from '../src/index'
import { converged, link } from './support/network'

const actor = (children: string[] = []): ActorDefinition => ({
  role: 'box',
  context: {},
  view: { container: { layout: 'flex' } },
  subscriptions: [],
  children,
  dependencies: {},
})

const start: ProjectFile = {
  troupe: 1,
  name: 'Merge',
  root: 'app',
  actors: {
    app: actor(['a', 'b']),
    a: actor(),
    b: actor(),
    c: actor(),
    d: actor(),
    e: {
      ...actor(),
      view: { tag: 'p', classes: 'text-sm', elements: ['e'] } as ActorDefinition['view'],
    },
  },
}

/**
 * Two real repos, partitioned: each makes an edit that is valid on its own, then they meet.
 * These are the merges the chaos fuzz (packages/devtools/src/fuzz) found leaving an invalid
 * project before watchProject repaired them.
 */
async function mergeOf(
  left: (handle: DocHandle<ProjectDoc>) => void,
  right: (handle: DocHandle<ProjectDoc>) => void,
  repair = true,
) {
  const one = new Repo({ network: [] })
  const two = new Repo({ network: [] })
  repos.push(one, two)
  const { project } = createProject(one, { from: start })
  const cut = link(one, two)
  const other = await two.find<ProjectDoc>(project.url)
  await converged([project, other])
  cut()
  left(project)
  right(other)
  if (repair) {
    watchProject(project)
    watchProject(other)
  }
  link(one, two)
  await converged([project, other])
  // A repair written by one side must reach the other too.
  await new Promise((resolve) => setTimeout(resolve, 300))
  await converged([project, other])
  return { doc: project.doc(), other: other.doc() }
}

const repos: Repo[] = []
afterEach(async () => {
  await Promise.all(repos.splice(0).map((repo) => repo.shutdown()))
})

const issuesOf = (doc: ProjectDoc) => {
  const result = validateProject(toProjectFile(doc))
  return result.ok ? [] : result.issues.map((issue) => issue.code)
}

describe('merges of concurrent graph edits keep the graph rules', () => {
  it('without the repair, a removal merged with a new link leaves a reference to a missing actor', async () => {
    const { doc } = await mergeOf(
      (handle) => removeActor(handle, 'c'),
      (handle) => linkChild(handle, 'a', 'c'),
      false,
    )
    expect(issuesOf(doc)).toContain('TRP-110')
  })

  it('drops links and subscriptions to an actor removed at the same time', async () => {
    const { doc, other } = await mergeOf(
      (handle) => removeActor(handle, 'c'),
      (handle) => {
        linkChild(handle, 'd', 'c')
        subscribe(handle, 'b', 'c')
        setActorView(handle, 'd', {
          container: { layout: 'flex' },
          children: [{ slot: 'x', actor: 'c' }],
        } as ActorDefinition['view'])
      },
    )
    expect(issuesOf(doc)).toEqual([])
    expect(doc.actors.d?.children).toEqual([])
    expect(doc.actors.b?.subscriptions).toEqual([])
    expect(JSON.stringify(doc.actors.d?.view)).not.toContain('"c"')
    expect(other).toEqual(doc)
  })

  it('keeps one parent when two peers give an actor different parents', async () => {
    const { doc, other } = await mergeOf(
      (handle) => linkChild(handle, 'a', 'c'),
      (handle) => linkChild(handle, 'b', 'c'),
    )
    expect(issuesOf(doc)).toEqual([])
    expect(doc.actors.a?.children).toEqual(['c']) // "a" sorts first
    expect(doc.actors.b?.children).toEqual([])
    expect(other).toEqual(doc)
  })

  it('drops the view placement of a child that the one-parent repair took away', async () => {
    const { doc } = await mergeOf(
      (handle) => linkChild(handle, 'a', 'c'),
      (handle) => {
        linkChild(handle, 'd', 'c')
        setActorView(handle, 'd', {
          container: { layout: 'flex' },
          children: [{ slot: 'x', actor: 'c' }],
        } as ActorDefinition['view'])
      },
    )
    expect(issuesOf(doc)).toEqual([])
    expect(doc.actors.a?.children).toEqual(['c'])
    expect(JSON.stringify(doc.actors.d?.view)).not.toContain('"c"')
  })

  it('keeps one place when two peers link the same child to the same parent', async () => {
    const { doc } = await mergeOf(
      (handle) => linkChild(handle, 'a', 'c'),
      (handle) => linkChild(handle, 'a', 'c'),
    )
    expect(issuesOf(doc)).toEqual([])
    expect(doc.actors.a?.children).toEqual(['c'])
  })

  it('cuts a cycle that two links made apart close together', async () => {
    const { doc, other } = await mergeOf(
      (handle) => linkChild(handle, 'c', 'd'),
      (handle) => linkChild(handle, 'd', 'c'),
    )
    expect(issuesOf(doc)).toEqual([])
    // Cut at the link into "c" (the smallest id of the cycle): c stays on top, d under it.
    expect(doc.actors.c?.children).toEqual(['d'])
    expect(doc.actors.d?.children).toEqual([])
    expect(other).toEqual(doc)
  })

  it('a view switched to another kind while another peer edits it stays one whole view', async () => {
    const container = { container: { layout: 'flex' } } as ActorDefinition['view']
    const { doc, other } = await mergeOf(
      (handle) => setActorView(handle, 'e', container),
      (handle) =>
        setActorView(handle, 'e', {
          tag: 'p',
          classes: 'text-lg',
          elements: ['edited'],
        } as ActorDefinition['view']),
      false,
    )
    // Patched key by key, the edit's "classes" outlived the switch beside "container" (TRP-124).
    expect(issuesOf(doc)).toEqual([])
    expect(doc.actors.e?.view).toEqual(container)
    expect(other).toEqual(doc)
  })
})

describe('the check before a repair', () => {
  const ids = ['app', 'a', 'b', 'c', 'd']
  /** A small project whose links are picked at random, among them some to a missing actor. */
  function randomProject(seed: number): ProjectDoc {
    const random = seededRandom(seed)
    // A missing actor now and then; most links are to actors that exist.
    const pick = () => (random() < 0.1 ? 'ghost' : ids[Math.floor(random() * ids.length)]!)
    const some = (chance: number) => Array.from({ length: 3 }, pick).filter(() => random() < chance)
    const actors: Record<string, unknown> = {}
    for (const id of ids) {
      const children = some(0.12)
      const placed = random() < 0.1 ? pick() : children[0]
      actors[id] = {
        role: id,
        context: {},
        view: placed
          ? { tag: 'div', elements: ['x', { slot: 'main', actor: placed }] }
          : { tag: 'p', elements: [id] },
        subscriptions: some(0.15),
        children,
        dependencies: random() < 0.1 ? { helper: pick() } : {},
      }
    }
    return { root: 'app', actors } as unknown as ProjectDoc
  }

  it('passes a project exactly when the repair would leave it as it is', () => {
    let clean = 0
    let broken = 0
    for (let seed = 1; seed <= 2_000; seed++) {
      const doc = randomProject(seed)
      const repaired = repairedGraph(doc)
      const unchanged = JSON.stringify(repaired) === JSON.stringify(doc)
      expect(breaksGraphRules(doc), `seed ${seed}`).toBe(!unchanged)
      // What the repair writes passes the check.
      expect(breaksGraphRules(repaired), `seed ${seed}, repaired`).toBe(false)
      if (unchanged) clean++
      else broken++
    }
    // Both kinds were tried, many times.
    expect(clean).toBeGreaterThan(100)
    expect(broken).toBeGreaterThan(100)
  })

  it('flags each rule on its own', () => {
    const base = () => projectOf({ app: ['a'], a: [], b: [] })
    expect(breaksGraphRules(base())).toBe(false)
    const missing = base()
    missing.actors.a!.subscriptions = ['ghost']
    expect(breaksGraphRules(missing)).toBe(true)
    const twice = base()
    twice.actors.b!.children = ['a']
    expect(breaksGraphRules(twice)).toBe(true)
    const rootAsChild = base()
    rootAsChild.actors.b!.children = ['app']
    expect(breaksGraphRules(rootAsChild)).toBe(true)
    const cycle = projectOf({ app: [], a: ['b'], b: ['a'] })
    expect(breaksGraphRules(cycle)).toBe(true)
    const dependency = base()
    dependency.actors.a!.dependencies = { helper: 'ghost' }
    expect(breaksGraphRules(dependency)).toBe(true)
    const placement = base()
    placement.actors.app!.view = { tag: 'div', elements: [{ slot: 'main', actor: 'b' }] } as never
    expect(breaksGraphRules(placement)).toBe(true)
  })

  function projectOf(children: Record<string, string[]>): ProjectDoc {
    const actors: Record<string, unknown> = {}
    for (const [id, list] of Object.entries(children)) {
      actors[id] = {
        role: id,
        context: {},
        view: { tag: 'p', elements: [id] },
        subscriptions: [],
        children: list,
        dependencies: {},
      }
    }
    return { root: 'app', actors } as unknown as ProjectDoc
  }
})
