import type { Json, JsonPath, Scope, ViewEventName, ViewEvents } from '@troupe/core'
import type { SyntheticEvent } from 'react'
import type { DomProps } from './attributes'
import type { ActorFrame } from './frame'

/** The React prop for each view event; `change` is bound natively (see useNativeChange). */
const reactProps: Record<Exclude<ViewEventName, 'change'>, string> = {
  click: 'onClick',
  input: 'onInput',
  submit: 'onSubmit',
  blur: 'onBlur',
  focus: 'onFocus',
  keydown: 'onKeyDown',
  keyup: 'onKeyUp',
  dragstart: 'onDragStart',
  drop: 'onDrop',
}

/** The value a form control holds, as the payload of an input/change event. */
export function fieldValue(target: EventTarget | null): Json {
  if (target instanceof HTMLInputElement) {
    return target.type === 'checkbox' ? target.checked : target.value
  }
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) {
    return target.value
  }
  return null
}

interface Options {
  /** Path of the context field this node edits (`bindings.value`). */
  bindingPath?: string | undefined
  /** A bound field raises `input` itself, from its own change handler. */
  skipInput?: boolean
}

/**
 * React handler props raising the node's view events. A form's `submit` is always
 * prevented, with or without an event, so a view can never reload the page; `drop` needs
 * `dragover` prevented to fire at all.
 */
export function eventProps(
  tag: string,
  events: ViewEvents | undefined,
  scope: Scope,
  frame: ActorFrame,
  path: JsonPath,
  options: Options = {},
): DomProps {
  const props: DomProps = {}
  if (tag === 'form') props.onSubmit = (e: SyntheticEvent) => e.preventDefault()
  if (!events) return props
  for (const [name, binding] of Object.entries(events) as [ViewEventName, never][]) {
    if (!binding || name === 'change' || (name === 'input' && options.skipInput)) continue
    const eventPath = [...path, 'events', name]
    props[reactProps[name]] = (e: SyntheticEvent) => {
      if (name === 'submit' || name === 'drop') e.preventDefault()
      const field =
        name === 'input'
          ? { value: fieldValue(e.target), bindingPath: options.bindingPath }
          : undefined
      frame.raise(name, binding, scope, eventPath, field)
    }
  }
  if (events.drop) props.onDragOver = (e: SyntheticEvent) => e.preventDefault()
  return props
}
