import { ReactFlowProvider } from '@xyflow/react'
import { Canvas } from '../canvas/Canvas'
import { CommandLayer } from '../commands/CommandLayer'
import { ViewEditor } from '../editor/ViewEditor'
import { Inspector } from '../inspector/Inspector'
import { LintPanel } from '../lint/LintPanel'
import { MessagesPanel } from '../messages/MessagesPanel'
import { Palette } from '../palette/Palette'
import { Preview } from '../preview/Preview'
import { ProjectBar } from './ProjectBar'

/** The studio's regions: palette, canvas, inspector, view JSON editor and live preview. */
export function Studio() {
  return (
    <ReactFlowProvider>
      <div className="studio">
        <ProjectBar />
        <Palette />
        <Canvas />
        <Inspector />
        <div className="studio-dock">
          <MessagesPanel />
          <LintPanel />
        </div>
        <div className="studio-side">
          <ViewEditor />
          <Preview />
        </div>
        <CommandLayer />
      </div>
    </ReactFlowProvider>
  )
}
