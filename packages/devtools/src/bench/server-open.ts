import type { RaisedEvent } from '@troupe/core'
import {
  createProject,
  type InstanceDoc,
  logLength,
  type ProjectDoc,
  projectDefinition,
  raiseEvents,
} from '@troupe/documents'
import { whenSynced } from '@troupe/documents/node'
import { connectedRepo } from './server-connect'
import { benchProjectFile, clientActor } from './server-project'

export interface OpenOptions {
  syncUrl: string
  actors: number
  messages: number
  batch: number
  label: string
  /** The clients' sync throttle (ms); Troupe's own when not given. */
  syncThrottleMs?: number
}

/**
 * Builds a project of `actors` actors whose instance holds `messages` messages of history,
 * waits until the server stores it, then times a fresh repo opening project and instance
 * from the server until both documents are ready. Returns milliseconds.
 */
export async function timeOpen(options: OpenOptions): Promise<{ ms: number; messages: number }> {
  const builder = await connectedRepo(options.syncUrl, undefined, options.syncThrottleMs)
  const reader = await connectedRepo(options.syncUrl, undefined, options.syncThrottleMs)
  try {
    const { project, instance } = createProject(builder, {
      from: benchProjectFile('Open', options.actors),
    })
    const definition = projectDefinition(project.doc())
    for (let sent = 0; sent < options.messages; sent += options.batch) {
      const events: RaisedEvent[] = []
      for (let i = sent; i < Math.min(options.messages, sent + options.batch); i++) {
        const from = clientActor(i % options.actors)
        events.push({ from, event: '@input/updateContext', payload: { n: i } })
      }
      raiseEvents(instance, definition, events)
      if ((sent / options.batch) % 50 === 0)
        console.log(`  ${options.label}: ${sent.toLocaleString('en')} messages raised`)
    }
    await whenSynced(builder, project)
    await whenSynced(builder, instance)
    console.log(`  ${options.label}: server holds the project; opening it on a fresh client`)
    const started = performance.now()
    const [openedProject, openedInstance] = await Promise.all([
      reader.find<ProjectDoc>(project.url),
      reader.find<InstanceDoc>(instance.url),
    ])
    const ms = performance.now() - started
    const actors = Object.keys(openedProject.doc().actors).length
    if (actors !== options.actors + 1)
      throw new Error(`the opened project has ${actors} actors, expected ${options.actors + 1}`)
    return { ms, messages: logLength(openedInstance.doc()) }
  } finally {
    await Promise.all([builder.shutdown(), reader.shutdown()])
  }
}
