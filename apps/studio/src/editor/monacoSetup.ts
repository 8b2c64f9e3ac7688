import { skillsJsonSchema, viewJsonSchema } from '@troupe/core'
import * as monaco from 'monaco-editor/editor/editor.api'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import JsonWorker from 'monaco-editor/language/json/json.worker?worker'
import { jsonDefaults } from 'monaco-editor/languages/features/json/register'
import './monacoFeatures'

/**
 * Monaco, configured once, with the JSON language only (monacoFeatures.ts lists the editor
 * features): its two workers come from Vite's worker bundles (no CDN), and view JSON
 * documents get a JSON Schema generated from the zod view model, which gives completion,
 * hover docs and schema markers. The studio imports this module lazily (import()), so the
 * canvas is interactive before Monaco has loaded.
 */
self.MonacoEnvironment = {
  getWorker(_workerId, label) {
    return label === 'json' ? new JsonWorker() : new EditorWorker()
  },
}

export const viewModelPrefix = 'troupe://view/'
export const contextModelPrefix = 'troupe://context/'
export const skillsModelPrefix = 'troupe://skills/'

jsonDefaults.setDiagnosticsOptions({
  validate: true,
  allowComments: false,
  enableSchemaRequest: false,
  schemas: [
    {
      uri: 'troupe://schema/view.json',
      fileMatch: [`${viewModelPrefix}*`],
      schema: viewJsonSchema(),
    },
    {
      // An actor's initial context is any JSON object; `visible` is the one key Troupe reads.
      uri: 'troupe://schema/context.json',
      fileMatch: [`${contextModelPrefix}*`],
      schema: {
        type: 'object',
        description: "The actor's initial context (its state before any message)",
        properties: {
          visible: { type: 'boolean', description: 'The actor renders unless this is false' },
          viewActors: {
            type: 'object',
            description:
              "A view switcher's actors by view mode: @view/swapActors { viewMode } shows that actor as the only child",
            additionalProperties: { type: 'string' },
          },
        },
      },
    },
    {
      uri: 'troupe://schema/skills.json',
      fileMatch: [`${skillsModelPrefix}*`],
      schema: skillsJsonSchema(),
    },
  ],
})

export { monaco }
