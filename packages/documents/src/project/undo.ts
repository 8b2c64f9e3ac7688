import { next as A } from '@automerge/automerge'
import type { DocHandle, DocHandleChangePayload } from '@automerge/automerge-repo'
import type { ProjectDoc } from '../schema/project'
import { deepEqual, plain } from '../write-json'
import { editProject } from './edit'
import { rebase } from './rebase'

/**
 * Undo and redo of this peer's own changes to a project document, never a collaborator's.
 *
 * Every local change is recorded as what it did: for each actor (and each other top-level
 * field) it touched, the plain value before and after, read from the change event's before
 * and after documents. Remote changes are never recorded. Changes made in one synchronous run
 * (one studio action such as "delete selection", which writes links and actors separately)
 * form one step.
 *
 * Undo writes the inverse as a NEW change on top of everything the document holds now (so it
 * syncs like any edit and a collaborator sees it): per touched actor, `rebase` moves the
 * current value from "after" back to "before" only where it still holds what I wrote. A
 * collaborator's edit to another actor, or to another part of the same actor or view, is left
 * untouched; where they have since changed the very value I changed, their value stays and the
 * outcome says how many such parts were kept. The undo change goes through editProject, so an
 * undo that would now break the project (say a child I unlinked got another parent meanwhile)
 * is refused like any edit and the step stays. Redo is the same on the recorded undo change.
 */
export interface UndoHistory {
  readonly canUndo: boolean
  readonly canRedo: boolean
  /** Reverts my last step; null when there is none. Throws TroupeValidationError when refused. */
  undo(): UndoOutcome | null
  redo(): UndoOutcome | null
  /** Called whenever canUndo or canRedo may have changed. */
  subscribe(listener: () => void): () => void
  dispose(): void
}

export interface UndoOutcome {
  /** Whether anything was written (false when collaborators have since changed all of it). */
  changed: boolean
  /** Parts left as they are because someone else changed them after me. */
  kept: number
}

export interface UndoOptions {
  /** Oldest steps are forgotten beyond this many. */
  limit?: number
}

type Path = readonly [string] | readonly ['actors', string]

interface Slot {
  path: Path
  before: unknown
  after: unknown
}

type Step = Map<string, Slot>

export function trackUndo(handle: DocHandle<ProjectDoc>, options: UndoOptions = {}): UndoHistory {
  const limit = options.limit ?? 200
  const undoStack: Step[] = []
  const redoStack: Step[] = []
  const listeners = new Set<() => void>()
  /** True while undo or redo writes: that change is local but not a new step. */
  let applying = false
  let open: { step: Step; after: A.Doc<ProjectDoc> } | null = null

  const notify = () => {
    for (const listener of listeners) listener()
  }

  const close = () => {
    if (!open) return
    const step = finish(open.step, open.after)
    open = null
    if (step.size === 0) return
    undoStack.push(step)
    if (undoStack.length > limit) undoStack.shift()
    redoStack.length = 0
    notify()
  }

  const onChange = ({ patches, patchInfo }: DocHandleChangePayload<ProjectDoc>) => {
    if (applying || !isLocalChange(patchInfo.before, patchInfo.after)) return
    if (!open) {
      open = { step: new Map(), after: patchInfo.after }
      // One synchronous run of edits is one step: it closes once that run is over.
      queueMicrotask(close)
    }
    open.after = patchInfo.after
    for (const path of touchedPaths(patches)) {
      const key = path.join('\u0000')
      if (!open.step.has(key)) {
        open.step.set(key, { path, before: plain(read(patchInfo.before, path)), after: undefined })
      }
    }
  }
  handle.on('change', onChange)

  /**
   * Reverts a step (each slot from its after value back to its before value) and records the
   * change that did it, whose own revert is the redo (or, for a redo, the next undo).
   */
  const revert = (step: Step): { outcome: UndoOutcome; done: Step } => {
    close()
    const conflicts = { kept: 0 }
    const beforeDoc = handle.doc()
    const beforeHeads = A.getHeads(beforeDoc)
    applying = true
    try {
      editProject(handle, (draft) => {
        for (const slot of step.values()) {
          write(
            draft,
            slot.path,
            rebase(plain(read(draft, slot.path)), slot.after, slot.before, conflicts),
          )
        }
      })
    } finally {
      // DocHandle emits 'change' synchronously inside handle.change.
      applying = false
    }
    const afterDoc = handle.doc()
    const afterHeads = A.getHeads(afterDoc)
    const changed = !deepEqual([...beforeHeads].sort(), [...afterHeads].sort())
    const done: Step = new Map()
    for (const [key, slot] of step) {
      done.set(key, {
        path: slot.path,
        before: plain(read(beforeDoc, slot.path)),
        after: plain(read(afterDoc, slot.path)),
      })
    }
    return { outcome: { changed, kept: conflicts.kept }, done: finish(done) }
  }

  const move = (source: Step[], target: Step[]) => {
    close()
    const step = source.pop()
    if (!step) return null
    try {
      const { outcome, done } = revert(step)
      if (done.size) target.push(done)
      return outcome
    } catch (error) {
      source.push(step)
      throw error
    } finally {
      notify()
    }
  }

  return {
    get canUndo() {
      return undoStack.length > 0 || open !== null
    },
    get canRedo() {
      return redoStack.length > 0
    },
    undo: () => move(undoStack, redoStack),
    redo: () => move(redoStack, undoStack),
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    dispose() {
      handle.off('change', onChange)
      listeners.clear()
    },
  }
}

/** Fills in each slot's after value and drops slots the step left as they were. */
function finish(step: Step, after?: A.Doc<ProjectDoc>): Step {
  for (const [key, slot] of step) {
    if (after) slot.after = plain(read(after, slot.path))
    if (deepEqual(slot.before, slot.after)) step.delete(key)
  }
  return step
}

/**
 * Whether the difference between `before` and `after` is a change this peer made, not one
 * that arrived in a sync message: a change `after` holds beyond `before`'s heads carries this
 * peer's actor id. Read from the changes' metadata: decoding the change itself (its
 * operations) cost milliseconds on every keystroke of the view editor, ahead of the preview.
 */
function isLocalChange(before: A.Doc<unknown>, after: A.Doc<unknown>): boolean {
  const actor = A.getActorId(after)
  return A.getChangesMetaSince(after, A.getHeads(before)).some((change) => change.actor === actor)
}

/** What a change touched: whole actors by id, and other top-level fields by name. */
function touchedPaths(patches: readonly A.Patch[]): Path[] {
  const paths: Path[] = []
  for (const { path } of patches) {
    const [top, id] = path
    if (typeof top !== 'string') continue
    if (top === 'actors') {
      if (typeof id === 'string') paths.push(['actors', id])
    } else paths.push([top])
  }
  return paths
}

function read(doc: ProjectDoc, path: Path): unknown {
  const value =
    path[0] === 'actors' && path.length === 2
      ? doc.actors[path[1]]
      : (doc as unknown as Record<string, unknown>)[path[0]]
  return value
}

function write(draft: ProjectDoc, path: Path, value: unknown): void {
  const target =
    path[0] === 'actors' && path.length === 2
      ? (draft.actors as Record<string, unknown>)
      : (draft as unknown as Record<string, unknown>)
  const key = path.length === 2 ? path[1] : path[0]
  if (value === undefined) delete target[key]
  else target[key] = value
}
