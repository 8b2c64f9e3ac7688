import {
  evaluateBinding,
  isAllowedTag,
  issueCodes,
  isTruthy,
  type JsonPath,
  type LeafNode,
  resolvePath,
  type Scope,
  toText,
} from '@troupe/core'
import { createElement, type Key, type ReactNode } from 'react'
import { at, ViewError } from '../viewError'
import { type DomProps, domAttributes, joinClasses } from './attributes'
import { BoundField } from './BoundField'
import { childActors } from './ChildActors'
import { eventProps } from './events'
import type { ActorFrame } from './frame'
import { nativeChangeRef } from './nativeChange'

const voidTags = new Set(['input', 'img', 'br', 'hr'])
const formFields = new Set(['input', 'textarea', 'select'])
const disableable = new Set(['button', 'input', 'select', 'textarea', 'option'])

export interface NodeOptions {
  key?: Key
  /** Set when this node is an actor's whole view: it carries `data-actor-id`. */
  actorId?: string
}

/**
 * One leaf: an allow-listed element with its classes, attributes, bindings and events.
 * A plain function, not a component: a view node adds no React fiber of its own, which keeps
 * a long foreach about as cheap as hand-written markup. Only bound fields (they keep a draft)
 * are components.
 */
export function renderLeaf(
  node: LeafNode,
  scope: Scope,
  path: JsonPath,
  frame: ActorFrame,
  options: NodeOptions = {},
): ReactNode {
  const { actorId, key } = options
  const bindings = node.bindings
  const bindingPath = bindings?.value
  const tag = node.tag
  if (!isAllowedTag(tag)) {
    throw new ViewError(issueCodes.tagNotAllowed, `<${tag}> is not an allowed tag`, [
      ...path,
      'tag',
    ])
  }
  const read = (name: 'class' | 'visible' | 'disabled') =>
    at(path, ['bindings', name], () => evaluateBinding(bindings?.[name] ?? null, scope))

  if (bindings?.visible !== undefined && !isTruthy(read('visible'))) return null

  const attributes = domAttributes(tag, node.attributes)
  const boundClass = bindings?.class !== undefined ? toText(read('class')) : undefined
  const props: DomProps = { ...attributes, className: joinClasses(node.classes, boundClass) }
  if (key !== undefined) props.key = key
  if (bindings?.disabled !== undefined) {
    const disabled = isTruthy(read('disabled'))
    if (disableable.has(tag)) props.disabled = disabled
    else if (disabled) props['aria-disabled'] = 'true'
  }
  if (actorId !== undefined) props['data-actor-id'] = actorId

  const content = leafContent(node, scope, path, frame)
  const trailing = actorId !== undefined && frame.slotKey === null ? childActors(frame.rest) : []

  if (bindingPath !== undefined && formFields.has(tag) && attributes.type !== 'file') {
    const { key: _key, ...domProps } = props
    return (
      <BoundField
        key={key}
        tag={tag as 'input' | 'textarea' | 'select'}
        domProps={domProps}
        external={resolvePath(scope, bindingPath)}
        bindingPath={bindingPath}
        events={node.events}
        scope={scope}
        path={path}
        frame={frame}
      >
        {tag === 'select' ? content : undefined}
      </BoundField>
    )
  }

  // An unbound field's `value` is only where it starts; React would freeze it otherwise.
  if (formFields.has(tag)) {
    if ('value' in props) props.defaultValue = props.value
    if ('checked' in props) props.defaultChecked = props.checked
    delete props.value
    delete props.checked
    if (tag === 'textarea' && content.length > 0) props.defaultValue = textOf(node, scope, path)
  }
  Object.assign(props, eventProps(tag, node.events, scope, frame, path, { bindingPath }))
  const ref = nativeChangeRef(node.events, scope, frame, path, bindingPath)
  if (ref) props.ref = ref

  if (voidTags.has(tag) || tag === 'textarea') {
    if (trailing.length === 0) return createElement(tag, props)
    const { key: _key, ...own } = props
    return [createElement(tag, { ...own, key: 'own' }), ...trailing]
  }
  return createElement(tag, props, ...content, ...trailing)
}

/** `bindings.text` (always inserted as text) or else the static `elements`. */
function leafContent(node: LeafNode, scope: Scope, path: JsonPath, frame: ActorFrame): ReactNode[] {
  if (node.bindings?.text !== undefined) return [textOf(node, scope, path)]
  return (node.elements ?? []).map((element, i) =>
    typeof element === 'string'
      ? element
      : renderLeaf(element, scope, [...path, 'elements', i], frame, { key: i }),
  )
}

function textOf(node: LeafNode, scope: Scope, path: JsonPath): string {
  if (node.bindings?.text === undefined) {
    return (node.elements ?? []).filter((e): e is string => typeof e === 'string').join('')
  }
  return toText(
    at(path, ['bindings', 'text'], () => evaluateBinding(node.bindings?.text ?? null, scope)),
  )
}
