import { useStudio } from '../app/StudioContext'
import { useDocument } from '../app/useDocument'

/** The top bar: the project's name and the link that opens it elsewhere. */
export function ProjectBar() {
  const { project } = useStudio()
  const doc = useDocument(project)
  return (
    <header className="studio-bar">
      <strong className="studio-logo">Troupe</strong>
      <span className="studio-project-name">{doc.name}</span>
      <span className="studio-project-link" title="Open this address in another browser to work on the same project">
        {window.location.href}
      </span>
    </header>
  )
}
