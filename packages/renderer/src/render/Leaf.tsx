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
import { createElement, type ReactNode } from 'react'
import { at, ViewError } from '../viewError'
import { type DomProps, domAttributes, joinClasses } from './attributes'
import { BoundField } from './BoundField'
import { ChildActors } from './ChildActors'
import { eventProps } from './events'
import { useActorFrame } from './frame'
import { useNativeChange } from './useNativeChange'

const voidTags = new Set(['input', 'img', 'br', 'hr'])
const formFields = new Set(['input', 'textarea', 'select'])
const disableable = new Set(['button', 'input', 'select', 'textarea', 'option'])

interface Props {
  node: LeafNode
  scope: Scope
  path: JsonPath
  /** Set when this leaf is an actor's whole view: it carries `data-actor-id`. */
  actorId?: string | undefined
}

/** One leaf: an allow-listed element with its classes, attributes, bindings and events. */
export function Leaf({ node, scope, path, actorId }: Props) {
  const frame = useActorFrame()
  const bindings = node.bindings
  const bindingPath = bindings?.value
  const changeRef = useNativeChange(node.events, scope, frame, path, bindingPath)

  const tag = node.tag
  if (!isAllowedTag(tag)) {
    throw new ViewError(issueCodes.tagNotAllowed, `<${tag}> is not an allowed tag`, [
      ...path,
      'tag',
    ])
  }
  const read = (key: 'text' | 'class' | 'visible' | 'disabled') =>
    at([...path, 'bindings', key], () => evaluateBinding(bindings?.[key] ?? null, scope))

  if (bindings?.visible !== undefined && !isTruthy(read('visible'))) return null

  const attributes = domAttributes(tag, node.attributes)
  const boundClass = bindings?.class !== undefined ? toText(read('class')) : undefined
  const props: DomProps = {
    ...attributes,
    className: joinClasses(node.classes, boundClass),
  }
  if (bindings?.disabled !== undefined) {
    const disabled = isTruthy(read('disabled'))
    if (disableable.has(tag)) props.disabled = disabled
    else if (disabled) props['aria-disabled'] = 'true'
  }
  if (actorId !== undefined) props['data-actor-id'] = actorId

  const content = leafContent(node, scope, path)
  const trailing =
    actorId !== undefined && frame.slotKey === null ? <ChildActors ids={frame.rest} /> : null

  if (bindingPath !== undefined && formFields.has(tag) && attributes.type !== 'file') {
    return (
      <BoundField
        tag={tag as 'input' | 'textarea' | 'select'}
        domProps={props}
        external={resolvePath(scope, bindingPath)}
        bindingPath={bindingPath}
        events={node.events}
        scope={scope}
        path={path}
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
  props.ref = changeRef

  if (voidTags.has(tag) || tag === 'textarea') {
    return trailing ? (
      <>
        {createElement(tag, props)}
        {trailing}
      </>
    ) : (
      createElement(tag, props)
    )
  }
  return createElement(tag, props, ...content, trailing)
}

/** `bindings.text` (always inserted as text) or else the static `elements`. */
function leafContent(node: LeafNode, scope: Scope, path: JsonPath): ReactNode[] {
  if (node.bindings?.text !== undefined) return [textOf(node, scope, path)]
  return (node.elements ?? []).map((element, i) =>
    typeof element === 'string' ? (
      element
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: static elements never reorder
      <Leaf key={i} node={element} scope={scope} path={[...path, 'elements', i]} />
    ),
  )
}

function textOf(node: LeafNode, scope: Scope, path: JsonPath): string {
  if (node.bindings?.text === undefined) {
    return (node.elements ?? []).filter((e): e is string => typeof e === 'string').join('')
  }
  return toText(
    at([...path, 'bindings', 'text'], () => evaluateBinding(node.bindings?.text ?? null, scope)),
  )
}
