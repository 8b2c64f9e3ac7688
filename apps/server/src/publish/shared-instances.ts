import type { ProjectDefinition } from '@troupe/core'
import {
  type AnyDocumentId,
  type AppDoc,
  afterChange,
  type DocHandle,
  followEpochs,
  type InstanceDoc,
  LiveInstance,
  type Repo,
  successorOf,
} from '@troupe/documents'

interface Held {
  live: LiveInstance
  stop: () => void
}

/**
 * The server's hold on each shared-scope app's instance. Visitors raise events in their own
 * browsers and may write only the documents their grant lists, so they never start an epoch
 * (their players follow with `rotate: false`). The server sees every change and is the one
 * peer that rotates a full epoch: it starts the next epoch, then records it in the app record
 * (`instanceUrl` and `instanceEpochs`), from which the visitor grant is built, before any
 * visitor can hear of it. Events raised through the integration API go through the same hold.
 */
export class SharedInstances {
  readonly #repo: Repo
  readonly #held = new Map<string, Promise<Held>>()
  readonly #moved: (slug: string, app: AppDoc) => void

  /** `moved` hears of every rotation, after the app record names the new epoch. */
  constructor(repo: Repo, moved: (slug: string, app: AppDoc) => void) {
    this.#repo = repo
    this.#moved = moved
  }

  /** The hold on `slug`'s instance, made once. `definition` reads the live version's. */
  hold(
    slug: string,
    app: DocHandle<AppDoc>,
    definition: () => Pick<ProjectDefinition, 'settings'>,
  ): Promise<LiveInstance> {
    let held = this.#held.get(slug)
    if (!held) {
      held = this.#start(slug, app, definition)
      this.#held.set(slug, held)
      held.catch(() => this.#held.delete(slug))
    }
    return held.then((h) => h.live)
  }

  async close(): Promise<void> {
    const held = await Promise.allSettled(this.#held.values())
    for (const result of held) if (result.status === 'fulfilled') result.value.stop()
    this.#held.clear()
  }

  async #start(
    slug: string,
    app: DocHandle<AppDoc>,
    definition: () => Pick<ProjectDefinition, 'settings'>,
  ): Promise<Held> {
    const recorded = app.doc().instanceUrl
    // Opened where the record points; if the instance moved on without the record (a crash
    // between a rotation and its record reaching the disk), the LiveInstance follows, and
    // `record` below lists every epoch it passed.
    const live = new LiveInstance(
      this.#repo,
      await this.#repo.find<InstanceDoc>(recorded as AnyDocumentId),
    )
    const rotateIfFull = () => live.rotateIfFull(definition())
    let stopWatching = afterChange(live.epoch, rotateIfFull)
    const stopEpochs = live.onEpoch((epoch, previous) => {
      stopWatching()
      stopWatching = afterChange(epoch, rotateIfFull)
      // One rotation here is one step, known at once, so the grant grows before any visitor
      // hears of the new epoch; a jump over several epochs is walked first.
      if (successorOf(previous.doc()) === epoch.url) this.#record(slug, app, [previous.url], epoch)
      else
        void followEpochs(this.#repo, previous).then((path) => {
          const urls = path.map((handle) => handle.url)
          const end = urls.indexOf(epoch.url)
          const passed = urls.slice(0, end < 0 ? urls.length - 1 : end)
          this.#record(slug, app, passed, epoch)
        })
    })
    rotateIfFull()
    return {
      live,
      stop: () => {
        stopWatching()
        stopEpochs()
        live.close()
      },
    }
  }

  /** Moves the app record on to `epoch`, listing the epochs `passed` on the way. */
  #record(slug: string, app: DocHandle<AppDoc>, passed: string[], epoch: DocHandle<InstanceDoc>) {
    app.change((doc) => {
      if (passed[0] !== doc.instanceUrl) return
      doc.instanceEpochs ??= []
      for (const url of passed) if (!doc.instanceEpochs.includes(url)) doc.instanceEpochs.push(url)
      doc.instanceUrl = epoch.url
    })
    this.#moved(slug, app.doc())
  }
}
