import type { Json, JsonPath, Scope, ViewEvents } from '@troupe/core'
import { type ChangeEvent, createElement, type ReactNode, useMemo, useState } from 'react'
import type { DomProps } from './attributes'
import { eventProps } from './events'
import { withValueAt } from './fieldScope'
import type { ActorFrame } from './frame'
import { nativeChangeRef } from './nativeChange'

type FieldValue = string | boolean

interface Props {
  tag: 'input' | 'textarea' | 'select'
  domProps: DomProps
  /** The value at `bindingPath` in the actor's state. */
  external: Json | undefined
  bindingPath: string
  events: ViewEvents | undefined
  scope: Scope
  path: JsonPath
  frame: ActorFrame
  children?: ReactNode
}

function asFieldValue(value: Json | undefined, checkbox: boolean): FieldValue {
  if (checkbox) return value === true
  if (value === null || value === undefined) return ''
  return typeof value === 'string' ? value : String(value)
}

/**
 * A form field bound with `bindings.value`: controlled, yet typing stays smooth.
 *
 * The field shows a local draft. Every value it sends is remembered until the state echoes
 * it back; an echo of an older keystroke (the round-trip is asynchronous) is ignored, so the
 * text and the caret never jump back. A state value the field did not send (a skill cleared
 * it, another person edited it) replaces the draft.
 */
export function BoundField({
  tag,
  domProps,
  external,
  bindingPath,
  events,
  scope,
  path,
  frame,
  children,
}: Props) {
  const type = typeof domProps.type === 'string' ? domProps.type.toLowerCase() : ''
  const checkbox = tag === 'input' && type === 'checkbox'
  const radio = tag === 'input' && type === 'radio'
  const incoming = asFieldValue(external, checkbox)

  const [draft, setDraft] = useState<FieldValue>(incoming)
  const [seen, setSeen] = useState<FieldValue>(incoming)
  const [pending, setPending] = useState<FieldValue[]>([])
  if (incoming !== seen) {
    // Adjusting state while rendering, React's pattern for reacting to a changed prop.
    setSeen(incoming)
    const echoed = pending.indexOf(incoming)
    if (incoming === draft) setPending([])
    else if (echoed >= 0) setPending(pending.slice(echoed + 1))
    else {
      setDraft(incoming)
      setPending([])
    }
  }

  const sent = (value: Json) => {
    if (typeof value === 'string' || typeof value === 'boolean') setPending((p) => [...p, value])
  }
  const fieldScope = useMemo(
    () => withValueAt(scope, bindingPath, draft),
    [scope, bindingPath, draft],
  )
  const changeRef = nativeChangeRef(events, fieldScope, frame, path, bindingPath, sent)

  const onChange = (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => {
    const target = e.currentTarget
    const value: FieldValue =
      checkbox && target instanceof HTMLInputElement ? target.checked : target.value
    setDraft(value)
    const input = events?.input
    if (!input) return
    sent(value)
    frame.raise(
      'input',
      input,
      withValueAt(scope, bindingPath, value),
      [...path, 'events', 'input'],
      {
        value,
        bindingPath,
      },
    )
  }

  const valueProps = checkbox
    ? { checked: draft === true }
    : radio
      ? { checked: draft === String(domProps.value ?? 'on') }
      : { value: draft }

  return createElement(
    tag,
    {
      ...domProps,
      ...eventProps(tag, events, fieldScope, frame, path, { bindingPath, skipInput: true }),
      ...valueProps,
      onChange,
      ref: changeRef,
    },
    children,
  )
}
