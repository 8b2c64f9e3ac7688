import {
  type ChildEntry,
  type CompositeNode,
  evaluateBinding,
  isAllowedTag,
  issueCodes,
  isTruthy,
  type JsonPath,
  type Scope,
  type WrapperElement,
} from '@troupe/core'
import { createElement, type Key, type ReactNode } from 'react'
import { at, ViewError } from '../viewError'
import { type DomProps, domAttributes, joinClasses } from './attributes'
import { childActors, renderPlacement } from './ChildActors'
import { eventProps } from './events'
import { renderForeach } from './Foreach'
import { type ActorFrame, pathKey } from './frame'
import { type NodeOptions, renderLeaf } from './Leaf'
import { nativeChangeRef } from './nativeChange'

/** `grid` and `flex` give the container that display; the view's classes refine it. */
const layoutClass = { grid: 'grid', flex: 'flex', content: undefined } as const

function checkedTag(tag: string, path: JsonPath): string {
  if (!isAllowedTag(tag)) {
    throw new ViewError(issueCodes.tagNotAllowed, `<${tag}> is not an allowed tag`, path)
  }
  return tag
}

function hasClass(classes: string | undefined, name: string | undefined): boolean {
  return !!classes && !!name && classes.split(/\s+/).includes(name)
}

/**
 * A composite: a container element holding its `children` entries and `foreach` rows.
 * With `elements`, those wrappers are rendered in order inside the container and the content
 * goes into the one marked `slot: "children"` (after the wrappers when none is marked).
 * The actor's own child actors go into that slot element, or after the content.
 * A plain function like `renderLeaf`, so nodes cost no fiber of their own.
 */
export function renderComposite(
  node: CompositeNode,
  scope: Scope,
  path: JsonPath,
  frame: ActorFrame,
  options: NodeOptions = {},
): ReactNode {
  const { actorId, key } = options
  const bindings = node.bindings
  const read = (name: 'visible' | 'disabled') =>
    at(path, ['bindings', name], () => evaluateBinding(bindings?.[name] ?? null, scope))
  if (bindings?.visible !== undefined && !isTruthy(read('visible'))) return null

  const container = node.container
  const tag = checkedTag(container?.tag ?? 'div', [...path, 'container', 'tag'])
  const layout = container ? layoutClass[container.layout] : undefined
  const props: DomProps = {
    ...domAttributes(tag, container?.attributes),
    className: joinClasses(
      hasClass(container?.class, layout) ? undefined : layout,
      container?.class,
    ),
    ...eventProps(tag, node.events, scope, frame, path),
    ref: nativeChangeRef(node.events, scope, frame, path, undefined),
  }
  if (key !== undefined) props.key = key
  if (bindings?.disabled !== undefined && isTruthy(read('disabled'))) {
    // Disabling a whole group: `inert` stops every control inside from being used.
    props.inert = true
    props['aria-disabled'] = 'true'
  }
  if (actorId !== undefined) props['data-actor-id'] = actorId

  const content: ReactNode[] = (node.children ?? []).map((entry, i) =>
    renderEntry(entry, scope, [...path, 'children', i], frame, i),
  )
  if (node.foreach) content.push(renderForeach(node.foreach, scope, [...path, 'foreach'], frame))

  const wrappers = node.elements ?? []
  const slotIndex = wrappers.findIndex((w) => w.slot === 'children')
  const rest = actorId !== undefined && frame.slotKey === null ? childActors(frame.rest) : []

  if (wrappers.length === 0) return createElement(tag, props, ...content, ...rest)
  const rendered = wrappers.map((wrapper, i) => {
    const wrapperPath = [...path, 'elements', i]
    if (i !== slotIndex) return renderWrapper(wrapper, wrapperPath, i, null)
    const actors = frame.slotKey === pathKey(wrapperPath) ? childActors(frame.rest) : []
    return renderWrapper(wrapper, wrapperPath, i, [...content, ...actors])
  })
  return createElement(tag, props, ...rendered, ...(slotIndex < 0 ? content : []), ...rest)
}

function renderWrapper(wrapper: WrapperElement, path: JsonPath, key: Key, children: ReactNode) {
  const tag = checkedTag(wrapper.tag, [...path, 'tag'])
  const props = domAttributes(tag, wrapper.attributes)
  return createElement(tag, { ...props, key, className: joinClasses(wrapper.classes) }, children)
}

/** One `children` entry: a nested composite, a leaf, or an explicit child-actor placement. */
function renderEntry(entry: ChildEntry, scope: Scope, path: JsonPath, frame: ActorFrame, key: Key) {
  if ('composite' in entry) {
    return renderComposite(entry.composite, scope, [...path, 'composite'], frame, { key })
  }
  if ('leaf' in entry) return renderLeaf(entry.leaf, scope, [...path, 'leaf'], frame, { key })
  if ('actor' in entry) return renderPlacement(entry.actor, [...path, 'actor'], frame, key)
  throw new ViewError(issueCodes.invalidView, 'A child entry needs composite, leaf or actor', path)
}
