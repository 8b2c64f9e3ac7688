import { createBrowserRepo, defaultSyncUrl } from '@troupe/documents/browser'
import '@xyflow/react/dist/style.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import './layout/studio.css'

// Marks of the opening that `pnpm bench studio-open` reads (here: every module evaluated).
performance.mark('troupe:studio-script')

// The sync endpoint is on the server that served the studio (ws://host/sync).
const repo = createBrowserRepo({ syncUrl: defaultSyncUrl(window.location) })

const container = document.getElementById('root')
if (!container) throw new Error('The studio page has no #root element')
createRoot(container).render(
  <StrictMode>
    <App repo={repo} />
  </StrictMode>,
)
