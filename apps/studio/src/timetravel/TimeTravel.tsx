import { forkInstance, startInstance } from '@troupe/documents'
import { useEffect, useState } from 'react'
import { useSession, useStudio } from '../app/StudioContext'
import { feedFor } from '../messages/messageFeed'
import { keepTravelPosition } from './keepTravelPosition'
import './timeTravel.css'

/**
 * A scrubber over the instance's history. Moving it shows the app in the preview as it was
 * after that message, read-only; "Live" comes back. "Fork from here" starts a new instance
 * from that point (the project then runs the fork; the original stays as it was), "Reset"
 * starts a new instance from the project's initial state.
 */
export function TimeTravel() {
  const { repo, project, instance, session } = useStudio()
  const travelIndex = useSession((s) => s.travelIndex)
  const feed = feedFor(repo, instance)
  const [count, setCount] = useState(feed.entries.length)
  useEffect(() => {
    setCount(feed.entries.length)
    return feed.subscribe(() => setCount(feed.entries.length))
  }, [feed])
  useEffect(() => keepTravelPosition(feed, session), [feed, session])
  // A new instance (fork, reset, or another peer's) starts live.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the instance changes
  useEffect(() => session.getState().setTravelIndex(null), [instance, session])

  const at = travelIndex ?? count - 1
  const entry = at >= 0 ? feed.entries[at] : undefined
  const travel = (index: number | null) => session.getState().setTravelIndex(index)
  const fork = () => {
    if (travelIndex === null) return
    forkInstance(repo, project, instance, travelIndex)
    travel(null)
    session
      .getState()
      .notify(`Forked a new instance from message ${travelIndex + 1}; the original is kept.`)
  }
  const reset = () => {
    startInstance(repo, project)
    travel(null)
    session.getState().notify('Started the app again from the project’s initial state.')
  }

  return (
    <section className="studio-time-travel" aria-label="Time travel">
      <input
        type="range"
        aria-label="History position"
        min={0}
        max={Math.max(0, count - 1)}
        value={Math.max(0, at)}
        disabled={count === 0}
        onChange={(e) => travel(Number(e.target.value))}
        aria-valuetext={entry ? `after message ${at + 1} of ${count}` : 'no messages yet'}
      />
      <span role="status" aria-label="History status" className="time-travel-status">
        {travelIndex === null
          ? `Live (${count} message${count === 1 ? '' : 's'})`
          : `After message ${travelIndex + 1} of ${count}${entry ? `: ${entry.message.type} ${entry.message.from} → ${entry.message.to}` : ''} (read-only)`}
      </span>
      <button type="button" onClick={() => travel(null)} disabled={travelIndex === null}>
        Live
      </button>
      <button type="button" onClick={fork} disabled={travelIndex === null}>
        Fork from here
      </button>
      <button type="button" onClick={reset}>
        Reset
      </button>
    </section>
  )
}
