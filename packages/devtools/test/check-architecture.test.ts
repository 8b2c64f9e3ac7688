import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, expect, test } from 'vitest'
import { checkArchitecture, importsOf } from '../src/check-architecture.mjs'

const rules = {
  'packages/core': { workspace: [], outside: ['zod'] },
  'packages/runtime': { workspace: ['@troupe/core'], outside: [] },
}
let root = ''
function tree(files: Record<string, string>) {
  root = mkdtempSync(join(tmpdir(), 'troupe-arch-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}
afterEach(() => rmSync(root, { recursive: true, force: true }))

test('a layering that holds reports nothing', () => {
  tree({
    'packages/core/src/a.ts': "import { z } from 'zod'\nimport { b } from './b'\n",
    'packages/runtime/src/r.ts': "import type { Json } from '@troupe/core'\n",
  })
  expect(checkArchitecture(root, rules)).toEqual([])
})

test('core importing the runtime, an outside package or a sibling by path is refused', () => {
  tree({
    'packages/core/src/a.ts': [
      "import { processEvent } from '@troupe/runtime'",
      "import React from 'react'",
      "export * from '../../runtime/src/r'",
      "const lazy = () => import('@automerge/automerge')",
    ].join('\n'),
  })
  const violations = checkArchitecture(root, rules)
  expect(violations).toHaveLength(4)
  expect(violations[0]).toContain("imports '@troupe/runtime'")
  expect(violations[2]).toContain('reaches outside packages/core')
})

test('finds static, side-effect, re-export and dynamic imports', () => {
  expect(
    importsOf(
      "import a from 'a'\nimport 'b'\nexport { c } from 'c'\nawait import('d')\nimport type { E } from 'e'",
    ),
  ).toEqual(['a', 'b', 'c', 'd', 'e'])
})

test('does not take the word import inside text for an import', () => {
  expect(importsOf('<input aria-label="Project file to import" value=\'\' />')).toEqual([])
  expect(importsOf("x; import 'side'")).toEqual(['side'])
})
