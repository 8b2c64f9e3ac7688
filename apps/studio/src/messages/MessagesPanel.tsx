import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useStudio } from '../app/StudioContext'
import { useDocument } from '../app/useDocument'
import { MessageDetails } from './MessageDetails'
import { MessageList } from './MessageList'
import { feedFor } from './messageFeed'
import { type MessageFilter, noFilter, type Outcome, outcomes } from './messageFilter'
import { MessageView } from './messageView'
import './messages.css'

/**
 * Every message of the running instance as it happens, newest at the bottom. Filtering,
 * pausing and clearing change only this view; the instance's history stays whole. At most
 * one re-render per animation frame, however many messages arrive.
 */
export function MessagesPanel() {
  const { repo, project, instance } = useStudio()
  const projectDoc = useDocument(project)
  const feed = feedFor(repo, instance)
  const view = useMemo(() => new MessageView(feed.entries), [feed])
  const types = useRef(new Set<string>())
  const [version, setVersion] = useState(0)
  const [filter, setFilter] = useState<MessageFilter>(noFilter)
  const [paused, setPaused] = useState(false)
  const [selected, setSelected] = useState<number | null>(null)

  useEffect(() => {
    types.current = new Set()
    setSelected(null)
    const take = (first: number, prepended = 0) => {
      if (prepended) {
        view.prepend(prepended)
        setSelected((index) => (index === null ? null : index + prepended))
      }
      for (let i = first; i < feed.entries.length; i++)
        types.current.add(feed.entries[i]!.message.type)
      view.catchUp()
      setVersion((v) => v + 1)
    }
    take(0)
    return feed.subscribe(take)
  }, [feed, view])

  const changeFilter = (next: Partial<MessageFilter>) => {
    const merged = { ...filter, ...next }
    setFilter(merged)
    view.setFilter(merged)
    setVersion((v) => v + 1)
  }
  const togglePause = () => {
    view.setPaused(!paused)
    setPaused(!paused)
    setVersion((v) => v + 1)
  }
  const clear = () => {
    view.clear()
    setSelected(null)
    setVersion((v) => v + 1)
  }
  const select = useCallback((index: number) => setSelected(index), [])
  const actorIds = Object.keys(projectDoc.actors).sort()

  return (
    <section className="studio-messages" aria-label="Messages">
      <header>
        <h2>Messages</h2>
        <label>
          Actor{' '}
          <select value={filter.actor} onChange={(e) => changeFilter({ actor: e.target.value })}>
            <option value="">all</option>
            {actorIds.map((id) => (
              <option key={id} value={id}>
                {projectDoc.actors[id]!.role} ({id})
              </option>
            ))}
          </select>
        </label>
        <label>
          Type{' '}
          <select value={filter.type} onChange={(e) => changeFilter({ type: e.target.value })}>
            <option value="">all</option>
            {[...types.current].sort().map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </label>
        <label>
          Outcome{' '}
          <select
            value={filter.outcome}
            onChange={(e) => changeFilter({ outcome: e.target.value as Outcome | '' })}
          >
            <option value="">all</option>
            {outcomes.map((outcome) => (
              <option key={outcome} value={outcome}>
                {outcome}
              </option>
            ))}
          </select>
        </label>
        <button type="button" aria-pressed={paused} onClick={togglePause}>
          Pause
        </button>
        <button type="button" onClick={clear}>
          Clear
        </button>
        <span role="status" aria-label="Message count" className="messages-count">
          {view.shown.length} shown of {feed.entries.length}
          {paused ? `; paused, ${view.waiting} new not shown` : ''}
          {feed.loadingEarlier ? '; loading earlier messages…' : ''}
        </span>
      </header>
      <div className="messages-body">
        <MessageList
          entries={feed.entries}
          shown={view.shown}
          version={version}
          selected={selected}
          onSelect={select}
        />
        {selected !== null && feed.entries[selected] ? (
          <MessageDetails index={selected} entry={feed.entries[selected]} />
        ) : null}
      </div>
    </section>
  )
}
