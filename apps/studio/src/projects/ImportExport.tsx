import { formatIssue, parseProjectText, type TroupeIssue } from '@troupe/core'
import { importProjectFile, toProjectFile } from '@troupe/documents'
import { useRef, useState } from 'react'
import { useStudio } from '../app/StudioContext'
import { downloadText, fileNameFor } from './download'
import { useProjects } from './ProjectsContext'
import { useDialog } from './useDialog'

/** Largest project file Import reads; a bigger file is refused before it is parsed. */
const maxImportBytes = 32 * 1024 * 1024

/**
 * "Export" downloads the open project as a project file (`troupe: 1`, the definition: what
 * Duplicate copies too). "Import" reads a chosen .json file, validates it with core and opens
 * it as a new project; a refused file changes nothing and every problem is listed with its
 * actor and JSON path.
 */
export function ImportExportButtons() {
  const { repo, project } = useStudio()
  const { show } = useProjects()
  const picker = useRef<HTMLInputElement>(null)
  const [refused, setRefused] = useState<{ file: string; issues: string[] } | null>(null)
  const dialog = useDialog(refused !== null, () => setRefused(null))

  const importFile = async (file: File) => {
    const refuse = (issues: string[]) =>
      setRefused({ file: file.name, issues: [...new Set(issues)] })
    if (file.size > maxImportBytes) {
      return refuse([
        `TRP-153 the file is ${file.size} bytes; Import reads up to ${maxImportBytes}`,
      ])
    }
    const result = parseProjectText(await file.text())
    if (!result.ok) return refuse(result.issues.map((issue: TroupeIssue) => formatIssue(issue)))
    show(importProjectFile(repo, result.project))
  }

  return (
    <>
      <button type="button" className="studio-bar-button" onClick={() => picker.current?.click()}>
        Import
      </button>
      <input
        ref={picker}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label="Project file for Import"
        onChange={(event) => {
          const file = event.target.files?.[0]
          event.target.value = ''
          if (file) void importFile(file)
        }}
      />
      <button
        type="button"
        className="studio-bar-button"
        onClick={() => {
          const doc = project.doc()
          downloadText(fileNameFor(doc.name), `${JSON.stringify(toProjectFile(doc), null, 2)}\n`)
        }}
      >
        Export
      </button>
      <dialog ref={dialog} className="studio-dialog" aria-label="Import refused">
        {refused && (
          <>
            <h2>Import refused</h2>
            <p>
              TRP-153 {refused.file} was not imported: nothing changed. Fix these problems in the
              file and import it again.
            </p>
            <ul aria-label="Problems">
              {refused.issues.map((issue) => (
                <li key={issue}>{issue}</li>
              ))}
            </ul>
            <button type="button" onClick={() => setRefused(null)}>
              Close
            </button>
          </>
        )}
      </dialog>
    </>
  )
}
