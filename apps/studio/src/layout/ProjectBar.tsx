import { useMemo } from 'react'
import { useStudio } from '../app/StudioContext'
import { useDocument } from '../app/useDocument'
import { type SyncStatus, useSyncStatus } from '../app/useSyncStatus'
import { PeopleList } from '../collab/PeopleList'
import { UndoButtons } from '../collab/UndoButtons'
import { useUndo } from '../collab/useUndo'
import { ImportExportButtons } from '../projects/ImportExport'
import { ProjectsButton } from '../projects/ProjectsDialog'
import { PublishButton } from '../publish/PublishDialog'
import { SkillsButton } from '../skills/SkillsEditor'

const statusText: Record<SyncStatus, string> = {
  offline: 'Offline: changes are kept in this browser and merge when you reconnect',
  saving: 'Saving…',
  saved: 'Saved to server',
}

/** The top bar: the project's name, the link that opens it elsewhere, and sync status. */
export function ProjectBar() {
  const { repo, project, instance, session } = useStudio()
  const doc = useDocument(project)
  const handles = useMemo(() => [project, instance], [project, instance])
  const status = useSyncStatus(repo, handles)
  const undo = useUndo()
  return (
    <header className="studio-bar">
      <strong className="studio-logo">Troupe</strong>
      <span className="studio-project-name">{doc.name}</span>
      <ProjectsButton />
      <ImportExportButtons />
      <SkillsButton />
      <span
        className="studio-project-link"
        title="Open this address in another browser to work on the same project"
      >
        {window.location.href}
      </span>
      <UndoButtons actions={undo} />
      <button
        type="button"
        className="studio-commands"
        title="Ctrl+K / Cmd+K"
        onClick={() => session.getState().setCommandPaletteOpen(true)}
      >
        Commands
      </button>
      <PeopleList />
      <PublishButton />
      <span role="status" aria-label="Sync status" className={`studio-sync is-${status}`}>
        {statusText[status]}
      </span>
    </header>
  )
}
