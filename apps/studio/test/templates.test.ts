import { readFileSync } from 'node:fs'
import { finalState, parseEventsText } from '@troupe/cli'
import { validateProject } from '@troupe/core'
import { importProjectFile, instanceState, projectDefinition, raiseEvent } from '@troupe/documents'
import { createNodeRepo } from '@troupe/documents/node'
import { describe, expect, it } from 'vitest'
import { projectTemplates } from '../src/projects/templateList'

const templateFile = (id: string, file: string) =>
  readFileSync(new URL(`../templates/${id}/${file}`, import.meta.url), 'utf8')

/**
 * Every template the studio offers for a new project is a valid project file, and raising its
 * main events (templates/<id>/events.json) over a real automerge-repo, through the same
 * raiseEvent the studio's preview uses, gives templates/<id>/expected.json. Ids and the clock
 * are counted, so the result is the same on every run.
 */
describe('project templates', () => {
  it('offers the todo list, view switcher, counter with a project skill, and chat', () => {
    expect(projectTemplates.map((t) => t.id)).toEqual([
      'todo-list',
      'view-switcher',
      'counter',
      'chat',
    ])
  })

  for (const template of projectTemplates) {
    it(`${template.id}: is a valid project file`, () => {
      const result = validateProject(JSON.parse(templateFile(template.id, 'project.json')))
      expect(result.ok ? [] : result.issues).toEqual([])
      expect(template.file).toEqual(JSON.parse(templateFile(template.id, 'project.json')))
    })

    it(`${template.id}: its main events give the expected state`, async () => {
      const repo = createNodeRepo()
      try {
        const { project, instance } = importProjectFile(repo, template.file)
        const definition = projectDefinition(project.doc())
        const events = parseEventsText(
          templateFile(template.id, 'events.json'),
          new Set(Object.keys(definition.actors)),
        )
        if (!events.ok) throw new Error(JSON.stringify(events.issues))
        let id = 0
        let clock = Date.UTC(2026, 0, 1)
        const options = { newId: () => `id-${++id}`, now: () => (clock += 1000) }
        for (const event of events.events) {
          const { log } = raiseEvent(instance, definition, event, options)
          // A main event that fails (a wrong id, a missing field) would go unnoticed otherwise.
          expect(log.filter((entry) => entry.outcome !== 'handled')).toEqual([])
        }
        const expected = JSON.parse(templateFile(template.id, 'expected.json'))
        expect(finalState(definition, instanceState(instance.doc()))).toEqual(expected)
      } finally {
        await repo.shutdown()
      }
    })
  }
})
