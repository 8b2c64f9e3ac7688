import { finalState } from '@troupe/core'
import { instanceState, projectDefinition, toProjectFile } from '@troupe/documents'
import { useCallback, useSyncExternalStore } from 'react'
import { useStudio } from '../app/StudioContext'
import { recorderFor } from './runRecorder'

/**
 * "Record test" starts recording the preview's run; "Save as test" downloads it as a
 * `.troupe-test.json` that `pnpm troupe test <file>` replays headlessly.
 */
export function SaveAsTest() {
  const { project, instance } = useStudio()
  const recorder = recorderFor(instance)
  const subscribe = useCallback((listener: () => void) => recorder.subscribe(listener), [recorder])
  const active = useSyncExternalStore(subscribe, () => recorder.active)
  const events = useSyncExternalStore(subscribe, () => recorder.eventCount)

  const start = () => recorder.start(toProjectFile(project.doc(), instance.doc()))
  const save = () => {
    const doc = project.doc()
    const expected = finalState(projectDefinition(doc), instanceState(instance.doc()))
    const fixture = recorder.finish(doc.name, expected)
    const blob = new Blob([`${JSON.stringify(fixture, null, 2)}\n`], { type: 'application/json' })
    const link = document.createElement('a')
    link.href = URL.createObjectURL(blob)
    link.download = `${fileName(doc.name)}.troupe-test.json`
    link.click()
    setTimeout(() => URL.revokeObjectURL(link.href), 1000)
  }

  return (
    <div className="save-as-test">
      {active ? (
        <>
          <span role="status" aria-label="Test recording">
            Recording: {events} event{events === 1 ? '' : 's'}
          </span>
          <button type="button" onClick={save}>
            Save as test
          </button>
          <button type="button" onClick={() => recorder.cancel()}>
            Cancel recording
          </button>
        </>
      ) : (
        <button type="button" onClick={start} title="Record what you do in the preview as a test">
          Record test
        </button>
      )}
    </div>
  )
}

function fileName(name: string): string {
  return name.replace(/[^A-Za-z0-9-_]+/g, '-').replace(/^-|-$/g, '') || 'troupe-test'
}
