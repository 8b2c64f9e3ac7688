import {
  type CompositeNode,
  type ForeachConfig,
  type Json,
  type JsonPath,
  type LeafNode,
  resolvePath,
  type Scope,
} from '@troupe/core'
import { memo, type ReactNode, useEffect } from 'react'
import { jsonEqual, jsonListEqual } from '../jsonEqual'
import { useRenderReport } from '../TroupeContext'
import { renderComposite } from './Composite'
import { type ActorFrame, pathKey, useActorFrame } from './frame'
import { renderLeaf } from './Leaf'
import { templateReads } from './reads'

/**
 * What every row of one foreach shares. While it stays equal it stays the same object (one
 * per actor frame and template path), so each row's memo check is one reference compare and
 * an update to one item of 1,000 costs little more than the row it changes.
 */
interface RowTemplate {
  template: CompositeNode | LeafNode
  isComposite: boolean
  path: JsonPath
  pathKey: string
  /** The scope outside the row; only `reads` of it are compared (see templateReads). */
  scope: Scope
  reads: (Json | undefined)[]
}

const lastTemplates = new WeakMap<ActorFrame, Map<string, RowTemplate>>()

function sameRowTemplate(a: RowTemplate, b: RowTemplate): boolean {
  return (
    a.template === b.template &&
    a.isComposite === b.isComposite &&
    a.pathKey === b.pathKey &&
    jsonListEqual(a.reads, b.reads)
  )
}

/** This render's row template, or the previous one of this frame and path when equal. */
function rowTemplate(frame: ActorFrame, fresh: RowTemplate): RowTemplate {
  let byPath = lastTemplates.get(frame)
  if (!byPath) {
    byPath = new Map()
    lastTemplates.set(frame, byPath)
  }
  const previous = byPath.get(fresh.pathKey)
  if (previous && sameRowTemplate(previous, fresh)) return previous
  byPath.set(fresh.pathKey, fresh)
  return fresh
}

/**
 * Each element of `foreach.items` rendered with the template, seeing it as `item`. Every row
 * is a memoised component keyed by `foreach.key`, so a changed item re-renders its row only.
 */
export function renderForeach(
  config: ForeachConfig,
  scope: Scope,
  path: JsonPath,
  frame: ActorFrame,
): ReactNode {
  const items = resolvePath(scope, config.items)
  if (!Array.isArray(items)) return null
  const composite = config.composite
  const template = composite ?? config.leaf
  if (!template) return null
  const templatePath = [...path, composite ? 'composite' : 'leaf']
  const shared = rowTemplate(frame, {
    template,
    isComposite: Boolean(composite),
    path: templatePath,
    pathKey: pathKey(templatePath),
    scope,
    reads: templateReads(template).map((p) => resolvePath(scope, p)),
  })
  const seen = new Set<string>()
  return items.map((item, index) => {
    const key = rowKey(item, index, config.key, seen)
    return <Row key={key} rowKey={key} shared={shared} item={item} />
  })
}

// The key string an item object had last time, per key field. Re-rendering a long list then
// reuses strings whose hashes are already known instead of building 1,000 new ones.
const keyStrings = new WeakMap<object, { field: string; key: string }>()

function keyCandidate(item: Json, key: string | undefined): string | null {
  if (!key || !item || typeof item !== 'object' || Array.isArray(item)) return null
  const known = keyStrings.get(item)
  if (known?.field === key) return known.key
  const value = Object.hasOwn(item, key) ? item[key] : undefined
  if (typeof value !== 'string' && typeof value !== 'number') return null
  const candidate = `k:${value}`
  keyStrings.set(item, { field: key, key: candidate })
  return candidate
}

/** `item[key]` when it is a string or number not seen before in this list, else the index. */
function rowKey(item: Json, index: number, key: string | undefined, seen: Set<string>): string {
  const candidate = keyCandidate(item, key) ?? `i:${index}`
  const unique = seen.has(candidate) ? `i:${index}` : candidate
  seen.add(unique)
  return unique
}

interface RowProps {
  rowKey: string
  shared: RowTemplate
  item: Json
}

/**
 * A row; it reports its commits only when someone listens (`onRender`), so a plain list
 * schedules no effect per row.
 */
function RowView(props: RowProps) {
  const frame = useActorFrame()
  return useRenderReport() ? <ReportedRow {...props} frame={frame} /> : renderRow(props, frame)
}

function ReportedRow(props: RowProps & { frame: ActorFrame }) {
  const report = useRenderReport()
  useEffect(() => {
    report?.({ actorId: props.frame.actorId, row: props.rowKey })
  })
  return renderRow(props, props.frame)
}

function renderRow({ shared, item }: RowProps, frame: ActorFrame): ReactNode {
  const rowScope = { ...shared.scope, item }
  return shared.isComposite
    ? renderComposite(shared.template as CompositeNode, rowScope, shared.path, frame)
    : renderLeaf(shared.template as LeafNode, rowScope, shared.path, frame)
}

const Row = memo(
  RowView,
  (a, b) =>
    a.rowKey === b.rowKey &&
    (a.shared === b.shared || sameRowTemplate(a.shared, b.shared)) &&
    jsonEqual(a.item, b.item),
)
