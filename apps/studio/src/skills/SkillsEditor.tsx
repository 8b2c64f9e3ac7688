import { formatIssue, validateSkills } from '@troupe/core'
import { setProjectSkills } from '@troupe/documents'
import { useRef, useState } from 'react'
import { useStudio } from '../app/StudioContext'
import { useDocument } from '../app/useDocument'
import { skillsIssues } from '../editor/checks'
import { refusalsOf } from '../editor/refusals'
import { useJsonDraftEditor } from '../editor/useJsonDraftEditor'
import { ProblemsStatus } from '../problems/ProblemsStatus'
import { useDialog } from '../projects/useDialog'

/**
 * The "Skills" button and the project-level editor for project-defined skills: the project's
 * `skills` as JSON in Monaco, checked against the JSON Schema generated from the zod model.
 * Invalid text stays a local draft with its problems; a valid edit is written as the smallest
 * change (two people editing different skills both keep theirs).
 */
export function SkillsButton() {
  const [open, setOpen] = useState(false)
  const dialog = useDialog(open, () => setOpen(false), 'non-modal')
  return (
    <>
      <button type="button" className="studio-bar-button" onClick={() => setOpen(true)}>
        Skills
      </button>
      <dialog ref={dialog} className="studio-dialog skills-dialog" aria-label="Project skills">
        <header>
          <h2>Project skills</h2>
          <button type="button" onClick={() => setOpen(false)}>
            Close
          </button>
        </header>
        {open && <SkillsEditor />}
      </dialog>
    </>
  )
}

function SkillsEditor() {
  const { project } = useStudio()
  const doc = useDocument(project)
  const host = useRef<HTMLDivElement>(null)
  const { problems } = useJsonDraftEditor({
    host,
    subject: 'project',
    modelPrefix: (monaco) => monaco.skillsModelPrefix,
    text: JSON.stringify(doc.skills, null, 2),
    commitDelayMs: 150,
    editorOptions: {
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      tabSize: 2,
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
      ariaLabel: 'Skills JSON editor',
    },
    commit: (_subject, value) => {
      const result = validateSkills(value)
      if (!result.ok) return result.issues.map(formatIssue)
      return refusalsOf(() => setProjectSkills(project, result.skills))
    },
    check: (_subject, value) => skillsIssues(value, project.doc()),
  })
  return (
    <>
      <p className="skills-help">
        Each skill is a list of built-in skill steps, run when a message of its name arrives:{' '}
        <code>
          {'{ "ADD": { "when": …, "steps": [{ "skill": "@input/updateContext", "payload": … }] } }'}
        </code>
      </p>
      <div className="skills-host" ref={host} />
      <ProblemsStatus
        label="Skills problems"
        valid="Valid skills"
        problems={problems}
        className="studio-editor-problems"
      />
    </>
  )
}
