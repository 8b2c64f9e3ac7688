import {
  type CompositeNode,
  type ForeachConfig,
  type Json,
  type JsonPath,
  type LeafNode,
  resolvePath,
  type Scope,
} from '@troupe/core'
import { memo, useEffect } from 'react'
import { jsonEqual, jsonListEqual } from '../jsonEqual'
import { useRenderReport } from '../TroupeContext'
import { Composite } from './Composite'
import { useActorFrame } from './frame'
import { Leaf } from './Leaf'
import { templateReads } from './reads'

interface Props {
  config: ForeachConfig
  scope: Scope
  path: JsonPath
}

/** Each element of `foreach.items` rendered with the template, seeing it as `item`. */
export function Foreach({ config, scope, path }: Props) {
  const items = resolvePath(scope, config.items)
  if (!Array.isArray(items)) return null
  const composite = config.composite
  const template = composite ?? config.leaf
  if (!template) return null
  const templatePath = [...path, composite ? 'composite' : 'leaf']
  const reads = templateReads(template)
  const readValues = reads.map((p) => resolvePath(scope, p))
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
        scope={scope}
        item={item}
        reads={readValues}
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
  /** The scope outside the row; only `reads` of it are compared (see templateReads). */
  scope: Scope
  item: Json
  reads: (Json | undefined)[]
}

function RowView({ rowKey, template, isComposite, path, scope, item }: RowProps) {
  const report = useRenderReport()
  const { actorId } = useActorFrame()
  useEffect(() => {
    report?.({ actorId, row: rowKey })
  })
  const rowScope = { ...scope, item }
  return isComposite ? (
    <Composite node={template as CompositeNode} scope={rowScope} path={path} />
  ) : (
    <Leaf node={template as LeafNode} scope={rowScope} path={path} />
  )
}

const Row = memo(
  RowView,
  (a, b) =>
    a.template === b.template &&
    a.isComposite === b.isComposite &&
    a.rowKey === b.rowKey &&
    a.path.join('/') === b.path.join('/') &&
    jsonEqual(a.item, b.item) &&
    jsonListEqual(a.reads, b.reads),
)
