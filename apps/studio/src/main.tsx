import {
  createBrowserRepo,
  defaultSyncUrl,
  initializeAutomergeWasm,
} from '@troupe/documents/browser'
import '@xyflow/react/dist/style.css'
import wasmUrl from 'automerge-wasm-url'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { loadDeclaredFonts } from './app/loadDeclaredFonts'
import './layout/studio.css'

// Marks of the opening that `pnpm bench studio-open` reads (here: every module evaluated).
performance.mark('troupe:studio-script')

loadDeclaredFonts(document.fonts)

const container = document.getElementById('root')
if (!container) throw new Error('The studio page has no #root element')
// Automerge's wasm is its own file, compiled as it streams in; every repo waits for it.
initializeAutomergeWasm(wasmUrl).then(
  () => {
    // The sync endpoint is on the server that served the studio (ws://host/sync).
    const repo = createBrowserRepo({ syncUrl: defaultSyncUrl(window.location) })
    createRoot(container).render(
      <StrictMode>
        <App repo={repo} />
      </StrictMode>,
    )
  },
  (error: unknown) => {
    container.setAttribute('role', 'alert')
    container.textContent = `TRP-710 The studio could not start: Automerge's wasm did not load (${error instanceof Error ? error.message : String(error)}). Reload the page; if it keeps happening, check that the Troupe server is running.`
  },
)
