import { useEffect, useRef } from 'react'
import { useStudio } from '../app/StudioContext'
import { feedFor } from '../messages/messageFeed'
import { trafficFor } from './edgeTraffic'
import './liveEdges.css'

/** How long an edge shows it is flowing after its last message. */
export const pulseMs = 600

/**
 * Live traffic for one subscription edge: the message count in its label and a pulse while
 * messages flow, painted into the SVG by the edge traffic counter once per animation frame.
 */
export function useLiveTraffic(id: string) {
  const { repo, instance } = useStudio()
  const traffic = trafficFor(feedFor(repo, instance))
  const group = useRef<SVGGElement>(null)
  const label = useRef<SVGTextElement>(null)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    if (label.current) {
      const count = traffic.count(id)
      label.current.textContent = count ? String(count) : ''
    }
    const stop = traffic.paint(id, (count) => {
      if (label.current) label.current.textContent = String(count)
      group.current?.classList.add('is-flowing')
      clearTimeout(timer)
      timer = setTimeout(() => group.current?.classList.remove('is-flowing'), pulseMs)
    })
    return () => {
      clearTimeout(timer)
      stop()
    }
  }, [traffic, id])
  return { group, label, initial: traffic.count(id) }
}
