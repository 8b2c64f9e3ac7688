import type { ProjectFile } from '@troupe/core'
import chat from '../../templates/chat/project.json'
import counter from '../../templates/counter/project.json'
import todoList from '../../templates/todo-list/project.json'
import viewSwitcher from '../../templates/view-switcher/project.json'

/**
 * Projects to start from. Each is a project file in apps/studio/templates/<id>/ beside the
 * events and expected state its test runs (test/templates.test.ts), so the studio offers
 * exactly what is tested.
 */
export interface ProjectTemplate {
  id: string
  label: string
  file: ProjectFile
}

export const projectTemplates: readonly ProjectTemplate[] = [
  { id: 'todo-list', label: 'Todo list', file: todoList as unknown as ProjectFile },
  { id: 'view-switcher', label: 'View switcher', file: viewSwitcher as unknown as ProjectFile },
  { id: 'counter', label: 'Counter with a project skill', file: counter as unknown as ProjectFile },
  { id: 'chat', label: 'Chat', file: chat as unknown as ProjectFile },
]
