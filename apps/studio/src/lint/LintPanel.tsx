import { formatPath, type LintFinding, lintProject } from '@troupe/core'
import { projectDefinition } from '@troupe/documents'
import { useDeferredValue, useEffect, useMemo } from 'react'
import { useStudio } from '../app/StudioContext'
import { useDocument } from '../app/useDocument'
import { loadMonaco, useMonaco } from '../editor/loadMonaco'
import { revealInViewEditor, showLintMarkers } from './lintMarkers'
import './lint.css'

/**
 * The project's wiring lint, live: one entry per finding with its TRP code, actor and JSON
 * path. Choosing one selects the actor and puts the cursor on the path in the view editor;
 * findings inside views are also Monaco markers there.
 */
export function LintPanel() {
  const { project, session } = useStudio()
  // Linted one deferred render behind the document: on opening, after the canvas has had its
  // turn (a whole-project lint of 1,000 actors is tens of milliseconds), and on an edit, after
  // the keystroke's own render. Null until the first lint.
  const doc = useDeferredValue(useDocument(project), null)
  const findings = useMemo(() => (doc ? lintProject(projectDefinition(doc)) : null), [doc])
  // Markers go on the editors' models: nothing to mark until an editor has loaded Monaco.
  const monaco = useMonaco(false).module

  useEffect(
    () => (monaco && findings ? showLintMarkers(monaco, findings) : undefined),
    [monaco, findings],
  )

  const open = (finding: LintFinding) => {
    session.getState().focusPath(finding.actorId, finding.path)
    if (finding.path[0] === 'view') {
      void loadMonaco().then((module) =>
        revealInViewEditor(module, finding.actorId, finding.path.slice(1)),
      )
    }
  }

  return (
    <section className="studio-lint" aria-label="Lint">
      <header>
        <h2>Lint</h2>
        <span role="status" aria-label="Lint summary">
          {!findings
            ? 'Checking…'
            : findings.length === 0
              ? 'No problems found'
              : `${findings.length} problem${findings.length === 1 ? '' : 's'}`}
        </span>
      </header>
      <ul>
        {findings?.map((finding) => {
          const role = doc?.actors[finding.actorId]?.role ?? finding.actorId
          const where = formatPath(finding.path)
          return (
            <li key={`${finding.code}:${finding.actorId}:${where}`}>
              <button type="button" onClick={() => open(finding)}>
                <strong>{finding.code}</strong> {role}
                {where ? ` at ${where}` : ''}: {finding.message}
              </button>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
