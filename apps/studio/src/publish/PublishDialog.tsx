import {
  formatIssue,
  formatPath,
  type Published,
  slugFromName,
  type VersionDiff,
} from '@troupe/core'
import { whenSynced } from '@troupe/documents'
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react'
import { useStudio } from '../app/StudioContext'
import { useDocument } from '../app/useDocument'
import { type AppInfo, PublishError, publishApi } from './publishApi'
import './publish.css'

type Progress = { kind: 'idle' } | { kind: 'busy'; text: string } | { kind: 'error'; error: Error }

/**
 * "Publish" in the top bar: a dialog that publishes the project as a new version (waiting for
 * the server to hold the latest edits first, since it pins what it has), shows the link right
 * after, the app key once, and the app's versions with what changed and "Roll back".
 */
export function PublishButton() {
  const dialog = useRef<HTMLDialogElement>(null)
  const [open, setOpen] = useState(false)
  return (
    <>
      <button
        type="button"
        className="studio-publish"
        onClick={() => {
          setOpen(true)
          dialog.current?.showModal()
        }}
      >
        Publish
      </button>
      <dialog
        ref={dialog}
        className="studio-publish-dialog"
        aria-label="Publish"
        onClose={() => setOpen(false)}
      >
        {open ? <PublishPanel onClose={() => dialog.current?.close()} /> : null}
      </dialog>
    </>
  )
}

function PublishPanel({ onClose }: { onClose: () => void }) {
  const { repo, project } = useStudio()
  const doc = useDocument(project)
  const [app, setApp] = useState<AppInfo | null>(null)
  const [slug, setSlug] = useState(() => slugFromName(doc.name))
  const [note, setNote] = useState('')
  const [scope, setScope] = useState<'visitor' | 'shared'>('visitor')
  const [progress, setProgress] = useState<Progress>({ kind: 'idle' })
  const [published, setPublished] = useState<Published | null>(null)

  const refresh = useCallback(async (name: string) => setApp(await publishApi.app(name)), [])
  useEffect(() => {
    publishApi.appsOf(project.url).then(
      (apps) => {
        const [first] = apps
        if (first) {
          setApp(first)
          setSlug(first.slug)
        }
      },
      (error: Error) => setProgress({ kind: 'error', error }),
    )
  }, [project.url])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    try {
      setProgress({ kind: 'busy', text: 'Saving your latest edits to the server…' })
      await whenSynced(repo, project, AbortSignal.timeout(15_000)).catch(() => {
        throw new Error(
          'The server has not received your latest edits yet (offline?). Check that the Troupe server is running, then publish again.',
        )
      })
      setProgress({ kind: 'busy', text: 'Publishing…' })
      const result = await publishApi.publish({
        project: project.url,
        slug,
        ...(note ? { note } : {}),
        ...(app ? {} : { scope }),
      })
      setPublished(result)
      setNote('')
      await refresh(result.slug)
      setProgress({ kind: 'idle' })
    } catch (error) {
      setProgress({ kind: 'error', error: error as Error })
    }
  }

  const busy = progress.kind === 'busy'
  return (
    <div className="studio-publish-panel">
      <header>
        <h2>Publish</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      <form onSubmit={submit}>
        <label>
          Address <span className="studio-publish-prefix">/apps/</span>
          <input
            value={slug}
            onChange={(e) => setSlug(e.target.value)}
            readOnly={Boolean(app)}
            aria-label="App address"
          />
        </label>
        <label>
          Note
          <input value={note} onChange={(e) => setNote(e.target.value)} aria-label="Note" />
        </label>
        {app ? (
          <p>State: {app.scope === 'shared' ? 'shared by every visitor' : 'kept per visitor'}</p>
        ) : (
          <fieldset>
            <legend>State</legend>
            <label>
              <input
                type="radio"
                name="scope"
                checked={scope === 'visitor'}
                onChange={() => setScope('visitor')}
              />
              Per visitor (kept in each browser)
            </label>
            <label>
              <input
                type="radio"
                name="scope"
                checked={scope === 'shared'}
                onChange={() => setScope('shared')}
              />
              Shared (everyone sees the same state)
            </label>
          </fieldset>
        )}
        <button type="submit" disabled={busy}>
          Publish version
        </button>
      </form>
      <div role="status" aria-label="Publish status">
        {busy ? progress.text : null}
        {published && !busy ? (
          <p>
            Version {published.number} is live at{' '}
            <a href={published.path} target="_blank" rel="noreferrer">
              {new URL(published.path, window.location.href).href}
            </a>
          </p>
        ) : null}
        {published?.key ? (
          <p className="studio-publish-key">
            App key for integrations (shown once, copy it now): <code>{published.key}</code>
          </p>
        ) : null}
      </div>
      {progress.kind === 'error' ? <PublishProblem error={progress.error} /> : null}
      {app ? (
        <Versions
          app={app}
          onRolledBack={() => refresh(app.slug)}
          onError={(e) => setProgress({ kind: 'error', error: e })}
        />
      ) : null}
    </div>
  )
}

function PublishProblem({ error }: { error: Error }) {
  const issues = error instanceof PublishError ? error.issues : []
  return (
    <div role="alert" className="studio-publish-error">
      <p>{issues.length > 1 ? error.message.split('\n')[0] : error.message}</p>
      {issues.length > 1 ? (
        <ul>
          {issues.map((issue) => (
            <li key={formatIssue(issue)}>{formatIssue(issue)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

function Versions(props: {
  app: AppInfo
  onRolledBack: () => void
  onError: (error: Error) => void
}) {
  const { app } = props
  const [diff, setDiff] = useState<{ from: number; to: number; diff: VersionDiff } | null>(null)
  const showDiff = async (to: number) => {
    try {
      setDiff({ from: to - 1, to, diff: await publishApi.diff(app.slug, to - 1, to) })
    } catch (error) {
      props.onError(error as Error)
    }
  }
  const rollBack = async (to: number) => {
    try {
      await publishApi.rollback(app.slug, to)
      props.onRolledBack()
    } catch (error) {
      props.onError(error as Error)
    }
  }
  return (
    <section aria-label="Versions" className="studio-publish-versions">
      <h3>Versions</h3>
      <ol>
        {[...app.versions].reverse().map((v) => (
          <li key={v.number} aria-label={`Version ${v.number}`}>
            <a href={`/apps/${app.slug}/v/${v.number}`} target="_blank" rel="noreferrer">
              Version {v.number}
            </a>{' '}
            <time dateTime={v.time}>{new Date(v.time).toLocaleString()}</time>
            {v.note ? ` · ${v.note}` : ''}
            {v.live ? <strong> · live</strong> : null}
            {v.number > 1 ? (
              <button type="button" onClick={() => showDiff(v.number)}>
                Changes
              </button>
            ) : null}
            {v.live ? null : (
              <button type="button" onClick={() => rollBack(v.number)}>
                Roll back
              </button>
            )}
          </li>
        ))}
      </ol>
      {diff ? (
        <section aria-label="Changes">
          <h3>
            Changes from version {diff.from} to {diff.to}
          </h3>
          <DiffList diff={diff.diff} />
        </section>
      ) : null}
    </section>
  )
}

function DiffList({ diff }: { diff: VersionDiff }) {
  const items = [
    ...diff.added.map((id) => `Added actor "${id}"`),
    ...diff.removed.map((id) => `Removed actor "${id}"`),
    ...diff.changed.map(
      (c) =>
        `Changed actor "${c.actorId}": ${c.paths.map((p) => formatPath(p) || '(all)').join(', ')}`,
    ),
    ...diff.project.map((p) => `Changed project ${formatPath(p)}`),
  ]
  if (!items.length) return <p>No changes.</p>
  return (
    <ul>
      {items.map((text) => (
        <li key={text}>{text}</li>
      ))}
    </ul>
  )
}
