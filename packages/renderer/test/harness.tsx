import type { InstanceState, ProjectDefinition, RaisedEvent } from '@troupe/core'
import { act, type ReactNode } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach } from 'vitest'
import { type RenderReport, TroupeView } from '../src'

// Tests build their definitions with the same helpers as the stories.
export { actor, project } from '../stories/fixtures'

// Tells React this is a test environment, so `act` flushes effects and updates.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const mounted: { root: Root; host: HTMLElement }[] = []

afterEach(() => {
  for (const { root, host } of mounted.splice(0)) {
    act(() => root.unmount())
    host.remove()
  }
})

/** Renders into a fresh element attached to the document (real Chromium). */
export function mount(ui: ReactNode) {
  const host = document.createElement('div')
  document.body.append(host)
  const root = createRoot(host)
  mounted.push({ root, host })
  act(() => root.render(ui))
  return {
    host,
    rerender: (next: ReactNode) => act(() => root.render(next)),
  }
}

export const emptyState = (): InstanceState => ({ actors: {}, entities: {} })

/** Mounts a TroupeView and records the events it raises and the renders it reports. */
export function renderApp(definition: ProjectDefinition, state: InstanceState = emptyState()) {
  const events: RaisedEvent[] = []
  const renders: RenderReport[] = []
  const onEvent = (e: RaisedEvent) => events.push(e)
  const onRender = (r: RenderReport) => renders.push(r)
  const view = (d: ProjectDefinition, s: InstanceState) => (
    <TroupeView definition={d} state={s} onEvent={onEvent} onRender={onRender} />
  )
  const app = mount(view(definition, state))
  return {
    ...app,
    events,
    renders,
    update: (d: ProjectDefinition, s: InstanceState) => app.rerender(view(d, s)),
    actorEl: (id: string) => app.host.querySelector<HTMLElement>(`[data-actor-id="${id}"]`),
  }
}
