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
import { createElement, type ReactNode } from 'react'
import { at, ViewError } from '../viewError'
import { type DomProps, domAttributes, joinClasses } from './attributes'
import { ChildActors, Placement } from './ChildActors'
import { eventProps } from './events'
import { Foreach } from './Foreach'
import { pathKey, useActorFrame } from './frame'
import { Leaf } from './Leaf'
import { useNativeChange } from './useNativeChange'

/** `grid` and `flex` give the container that display; the view's classes refine it. */
const layoutClass = { grid: 'grid', flex: 'flex', content: undefined } as const

interface Props {
  node: CompositeNode
  scope: Scope
  path: JsonPath
  /** Set when this composite is an actor's whole view: it carries `data-actor-id`. */
  actorId?: string | undefined
}

function checkedTag(tag: string, path: JsonPath): string {
  if (!isAllowedTag(tag)) {
    throw new ViewError(issueCodes.tagNotAllowed, `<${tag}> is not an allowed tag`, path)
  }
  return tag
}

/**
 * A composite: a container element holding its `children` entries and `foreach` rows.
 * With `elements`, those wrappers are rendered in order inside the container and the content
 * goes into the one marked `slot: "children"` (after the wrappers when none is marked).
 * The actor's own child actors go into that slot element, or after the content.
 */
export function Composite({ node, scope, path, actorId }: Props) {
  const frame = useActorFrame()
  const changeRef = useNativeChange(node.events, scope, frame, path, undefined)
  const bindings = node.bindings
  const read = (key: 'visible' | 'disabled') =>
    at([...path, 'bindings', key], () => evaluateBinding(bindings?.[key] ?? null, scope))
  if (bindings?.visible !== undefined && !isTruthy(read('visible'))) return null

  const container = node.container
  const tag = checkedTag(container?.tag ?? 'div', [...path, 'container', 'tag'])
  const attributes = domAttributes(tag, container?.attributes)
  const layout = container ? layoutClass[container.layout] : undefined
  const props: DomProps = {
    ...attributes,
    className: joinClasses(
      hasClass(container?.class, layout) ? undefined : layout,
      container?.class,
    ),
    ...eventProps(tag, node.events, scope, frame, path),
    ref: changeRef,
  }
  if (bindings?.disabled !== undefined && isTruthy(read('disabled'))) {
    // Disabling a whole group: `inert` stops every control inside from being used.
    props.inert = true
    props['aria-disabled'] = 'true'
  }
  if (actorId !== undefined) props['data-actor-id'] = actorId

  const content: ReactNode[] = [
    ...(node.children ?? []).map((entry, i) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: the view's own order; entries have no ids
      <Entry key={i} entry={entry} scope={scope} path={[...path, 'children', i]} />
    )),
  ]
  if (node.foreach) {
    content.push(
      <Foreach key="foreach" config={node.foreach} scope={scope} path={[...path, 'foreach']} />,
    )
  }

  const wrappers = node.elements ?? []
  const slotIndex = wrappers.findIndex((w) => w.slot === 'children')
  const rest =
    actorId !== undefined && frame.slotKey === null ? (
      <ChildActors key="child-actors" ids={frame.rest} />
    ) : null

  if (wrappers.length === 0) return createElement(tag, props, ...content, rest)
  const rendered = wrappers.map((wrapper, i) => {
    const wrapperPath = [...path, 'elements', i]
    const inSlot = i === slotIndex
    const actors =
      inSlot && frame.slotKey === pathKey(wrapperPath) ? (
        <ChildActors key="child-actors" ids={frame.rest} />
      ) : null
    return (
      // biome-ignore lint/suspicious/noArrayIndexKey: wrappers are static
      <Wrapper key={i} wrapper={wrapper} path={wrapperPath}>
        {inSlot ? [...content, actors] : null}
      </Wrapper>
    )
  })
  return createElement(tag, props, ...rendered, ...(slotIndex < 0 ? content : []), rest)
}

function hasClass(classes: string | undefined, name: string | undefined): boolean {
  return !!classes && !!name && classes.split(/\s+/).includes(name)
}

function Wrapper({
  wrapper,
  path,
  children,
}: {
  wrapper: WrapperElement
  path: JsonPath
  children: ReactNode
}) {
  const tag = checkedTag(wrapper.tag, [...path, 'tag'])
  const props = domAttributes(tag, wrapper.attributes)
  return createElement(tag, { ...props, className: joinClasses(wrapper.classes) }, children)
}

/** One `children` entry: a nested composite, a leaf, or an explicit child-actor placement. */
function Entry({ entry, scope, path }: { entry: ChildEntry; scope: Scope; path: JsonPath }) {
  if ('composite' in entry)
    return <Composite node={entry.composite} scope={scope} path={[...path, 'composite']} />
  if ('leaf' in entry) return <Leaf node={entry.leaf} scope={scope} path={[...path, 'leaf']} />
  if ('actor' in entry) return <Placement actorId={entry.actor} path={[...path, 'actor']} />
  throw new ViewError(issueCodes.invalidView, 'A child entry needs composite, leaf or actor', path)
}
