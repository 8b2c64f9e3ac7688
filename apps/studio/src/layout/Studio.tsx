import { ReactFlowProvider } from '@xyflow/react'
import { Canvas } from '../canvas/Canvas'
import { ViewEditor } from '../editor/ViewEditor'
import { Palette } from '../palette/Palette'
import { Preview } from '../preview/Preview'
import { ProjectBar } from './ProjectBar'

/** The studio's four regions: palette, canvas, view JSON editor and live preview. */
export function Studio() {
  return (
    <ReactFlowProvider>
      <div className="studio">
        <ProjectBar />
        <Palette />
        <Canvas />
        <div className="studio-side">
          <ViewEditor />
          <Preview />
        </div>
      </div>
    </ReactFlowProvider>
  )
}
