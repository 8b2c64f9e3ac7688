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
import { pathKey, useActorFrame } from './frame'
import { renderLeaf } from './Leaf'
import { templateReads } from './reads'

/**
 * Each element of `foreach.items` rendered with the template, seeing it as `item`. Every row
 * is a memoised component keyed by `foreach.key`, so a changed item re-renders its row only.
 */
export function renderForeach(config: ForeachConfig, scope: Scope, path: JsonPath): ReactNode {
  const items = resolvePath(scope, config.items)
  if (!Array.isArray(items)) return null
  const composite = config.composite
  const template = composite ?? config.leaf
  if (!template) return null
  const templatePath = [...path, composite ? 'composite' : 'leaf']
  const templateKey = pathKey(templatePath)
  const reads = templateReads(template).map((p) => resolvePath(scope, p))
  const seen = new Set<string>()
  return items.map((item, index) => {
    const key = rowKey(item, index, config.key, seen)
    return (
      <Row
        key={key}
        rowKey={key}
        template={template}
        isComposite={Boolean(composite)}
        path={templatePath}
        pathKey={templateKey}
        scope={scope}
        item={item}
        reads={reads}
      />
    )
  })
}

/** `item[key]` when it is a string or number not seen before in this list, else the index. */
function rowKey(item: Json, index: number, key: string | undefined, seen: Set<string>): string {
  let value: Json | undefined
  if (key && item && typeof item === 'object' && !Array.isArray(item) && Object.hasOwn(item, key)) {
    value = item[key]
  }
  const candidate =
    typeof value === 'string' || typeof value === 'number' ? `k:${value}` : `i:${index}`
  const unique = seen.has(candidate) ? `i:${index}` : candidate
  seen.add(unique)
  return unique
}

interface RowProps {
  rowKey: string
  template: CompositeNode | LeafNode
  isComposite: boolean
  path: JsonPath
  pathKey: string
  /** The scope outside the row; only `reads` of it are compared (see templateReads). */
  scope: Scope
  item: Json
  reads: (Json | undefined)[]
}

function RowView({ rowKey, template, isComposite, path, scope, item }: RowProps) {
  const report = useRenderReport()
  const frame = useActorFrame()
  useEffect(() => {
    report?.({ actorId: frame.actorId, row: rowKey })
  })
  const rowScope = { ...scope, item }
  return isComposite
    ? renderComposite(template as CompositeNode, rowScope, path, frame)
    : renderLeaf(template as LeafNode, rowScope, path, frame)
}

const Row = memo(
  RowView,
  (a, b) =>
    a.template === b.template &&
    a.isComposite === b.isComposite &&
    a.rowKey === b.rowKey &&
    a.pathKey === b.pathKey &&
    jsonEqual(a.item, b.item) &&
    jsonListEqual(a.reads, b.reads),
)
