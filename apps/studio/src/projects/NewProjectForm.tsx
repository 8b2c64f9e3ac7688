import { createProject } from '@troupe/documents'
import { useId, useState } from 'react'
import { useStudio } from '../app/StudioContext'
import { useProjects } from './ProjectsContext'
import { projectTemplates } from './templateList'

/**
 * Starts a project: empty, or from one of the templates, with an optional name (the
 * template's own name otherwise). The new project opens at once and joins the list.
 */
export function NewProjectForm({ onCreated }: { onCreated(): void }) {
  const { repo } = useStudio()
  const { show } = useProjects()
  const [templateId, setTemplateId] = useState('')
  const [name, setName] = useState('')
  const group = useId()
  const template = projectTemplates.find((t) => t.id === templateId)

  return (
    <form
      className="projects-new"
      aria-label="Start a project"
      onSubmit={(event) => {
        event.preventDefault()
        const chosenName = name.trim() || undefined
        const opened = createProject(repo, {
          ...(template ? { from: template.file } : {}),
          ...(chosenName ? { name: chosenName } : {}),
        })
        setName('')
        onCreated()
        show(opened)
      }}
    >
      <fieldset>
        <legend>Start from</legend>
        {[{ id: '', label: 'Empty project' }, ...projectTemplates].map((option) => (
          <label key={option.id || 'empty'} className="projects-template">
            <input
              type="radio"
              name={group}
              value={option.id}
              checked={templateId === option.id}
              onChange={() => setTemplateId(option.id)}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      <label className="projects-name">
        <span>Name</span>
        <input
          value={name}
          placeholder={template?.file.name ?? 'Untitled'}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <button type="submit">New project</button>
    </form>
  )
}
