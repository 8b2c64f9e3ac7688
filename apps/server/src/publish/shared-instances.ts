import type { ProjectDefinition } from '@troupe/core'
import {
  type AnyDocumentId,
  type AppDoc,
  currentEpoch,
  type DocHandle,
  type InstanceDoc,
  LiveInstance,
  type Repo,
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
    const found = await this.#repo.find<InstanceDoc>(app.doc().instanceUrl as AnyDocumentId)
    const live = new LiveInstance(this.#repo, await currentEpoch(this.#repo, found))
    let watched: DocHandle<InstanceDoc> | undefined
    let scheduled: ReturnType<typeof setTimeout> | undefined
    // After the change event, not inside it: changing a handle from its own listener re-enters.
    const onChange = () => {
      scheduled ??= setTimeout(() => {
        scheduled = undefined
        live.rotateIfFull(definition())
      }, 0)
    }
    const watch = (epoch: DocHandle<InstanceDoc>) => {
      watched?.off('change', onChange)
      watched = epoch
      epoch.on('change', onChange)
    }
    watch(live.epoch)
    const stopEpochs = live.onEpoch((epoch, previous) => {
      watch(epoch)
      app.change((doc) => {
        if (doc.instanceUrl !== previous.url) return
        doc.instanceEpochs ??= []
        doc.instanceEpochs.push(previous.url)
        doc.instanceUrl = epoch.url
      })
      this.#moved(slug, app.doc())
    })
    // The record may lag behind the instance (a rotation the server made before a crash).
    if (live.epoch.url !== found.url) {
      app.change((doc) => {
        doc.instanceEpochs ??= []
        if (!doc.instanceEpochs.includes(found.url)) doc.instanceEpochs.push(found.url)
        doc.instanceUrl = live.epoch.url
      })
      this.#moved(slug, app.doc())
    }
    onChange()
    return {
      live,
      stop: () => {
        clearTimeout(scheduled)
        watched?.off('change', onChange)
        stopEpochs()
        live.close()
      },
    }
  }
}
