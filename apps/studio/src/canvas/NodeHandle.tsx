import { Handle, type Position } from '@xyflow/react'
import { createContext, useContext } from 'react'

/**
 * True while the canvas draws nodes without their small print (zoomed far out, or before the
 * first fit): a node's handles are then only placed, not React Flow's Handle components.
 */
export const FarCanvas = createContext(false)

interface NodeHandleProps {
  type: 'source' | 'target'
  id: string
  position: Position
  className: string
  title: string
  label: string
}

/**
 * One of a node's four handles. Zoomed in it is React Flow's Handle, which starts and ends
 * connections. Far out a handle is a pixel and hidden (canvasSpeed.css), so no connection
 * starts there, and each Handle's store subscription was run on every store change: 4,000
 * of them on every frame of a drag at 1,000 actors. There it is a plain element with the
 * classes and data attributes React Flow measures a handle by, at the same place and size,
 * so edges keep their anchors and nothing is measured again when the zoom crosses. It has no
 * name: hidden, it is not in the accessibility tree anyway.
 */
export function NodeHandle({ type, id, position, className, title, label }: NodeHandleProps) {
  const far = useContext(FarCanvas)
  if (!far) {
    return (
      <Handle
        type={type}
        id={id}
        position={position}
        className={className}
        title={title}
        aria-label={label}
      />
    )
  }
  return (
    <div
      className={`react-flow__handle react-flow__handle-${position} ${type} ${className}`}
      data-handleid={id}
      data-handlepos={position}
    />
  )
}
