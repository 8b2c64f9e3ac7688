import type { RaisedEvent } from '@troupe/core'
import { type DocHandle, type InstanceDoc, instanceState, LiveInstance } from '@troupe/documents'
import {
  createBrowserRepo,
  defaultSyncUrl,
  initializeAutomergeWasm,
} from '@troupe/documents/browser'
import { TroupeView } from '@troupe/renderer'
import wasmUrl from 'automerge-wasm-url'
import { createRoot } from 'react-dom/client'
import { readBoot } from './boot'
import { openInstance, rememberEpoch } from './instance'

/**
 * The player: one published version of an app, nothing of the editor. It renders the frozen
 * definition over the instance state and runs each raised event through the runtime inside
 * one change of the instance document, as the studio's preview does, through a LiveInstance that
 * follows the instance's epochs (documents instance/epochs.ts): a shared instance is rotated by
 * the server (visitors may not start documents), a per-visitor one by this player. The
 * definition is a plain copy in the page; no definition document is ever opened, so nothing
 * a visitor does can reach one.
 */
// Started as the module loads: the wasm downloads and compiles while the page gets ready.
const automergeReady = initializeAutomergeWasm(wasmUrl)

async function main() {
  await automergeReady
  const element = document.getElementById('app')
  if (!element) throw new Error('The player page has no #app element')
  const boot = readBoot(document)
  const shared = boot.scope === 'shared'
  const repo = createBrowserRepo({
    database: `troupe-app-${boot.slug}`,
    ...(shared
      ? { syncUrl: `${defaultSyncUrl(location)}?app=${encodeURIComponent(boot.slug)}` }
      : {}),
  })
  const live = new LiveInstance(repo, await openInstance(repo, boot), { rotate: !shared })
  const definition = boot.definition
  const root = createRoot(element)

  const onEvent = (event: RaisedEvent) => {
    live.raise(definition, [event])
    // Per-visitor state lives only here: write it now, so a reload right after keeps it.
    if (!shared) void repo.flush([live.epoch.documentId])
  }
  const render = () =>
    root.render(
      <TroupeView
        definition={definition}
        state={instanceState(live.epoch.doc())}
        onEvent={onEvent}
      />,
    )
  let shown: DocHandle<InstanceDoc> = live.epoch
  shown.on('change', render)
  live.onEpoch((epoch) => {
    shown.off('change', render)
    shown = epoch
    shown.on('change', render)
    if (!shared) void rememberEpoch(repo, boot.slug, epoch)
    render()
  })
  render()
  // React commits synchronously-enough here for a click to work on the next frame; the mark
  // is what `pnpm bench publish` reads as "interactive".
  requestAnimationFrame(() => {
    document.documentElement.dataset.troupeReady = 'true'
    performance.mark('troupe:interactive')
  })
}

main().catch((error: unknown) => {
  const element = document.getElementById('app')
  const message = error instanceof Error ? error.message : String(error)
  if (element) {
    element.setAttribute('role', 'alert')
    element.textContent = `This app could not start: ${message} Reload the page; if it keeps happening, tell the app's owner.`
  }
  console.error(error)
})
