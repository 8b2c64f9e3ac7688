// Fails when an import breaks the layering in docs/ARCHITECTURE.md: a package importing a
// workspace package or an outside package its layer does not allow, or reaching into another
// package's files by relative path.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { layers, testOnly } from './architecture-rules.mjs'

const sourceFile = /\.(ts|tsx|mts|js|mjs)$/
// A side-effect import starts a statement (line start or after `;`): inside text such as
// aria-label="Project file to import" the word is not an import.
const importPattern =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\n;])[ \t]*import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g

function* files(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue
    const path = join(dir, name)
    if (statSync(path).isDirectory()) yield* files(path)
    else if (sourceFile.test(name) && !name.endsWith('.d.ts') && !name.endsWith('.d.mts'))
      yield path
  }
}

function matches(specifier, patterns) {
  const name = specifier.startsWith('@')
    ? specifier.split('/').slice(0, 2).join('/')
    : specifier.split('/')[0]
  return patterns.some((pattern) => {
    if (pattern === 'node:*') return specifier.startsWith('node:')
    if (pattern.endsWith('/*'))
      return specifier.startsWith(pattern.slice(0, -1)) || name === pattern.slice(0, -2)
    return specifier === pattern || name === pattern
  })
}

export function importsOf(text) {
  const found = []
  for (const match of text.matchAll(importPattern)) found.push(match[1] ?? match[2] ?? match[3])
  return found
}

/** Returns every violation under `root` for the given layers; empty when the layering holds. */
export function checkArchitecture(root, rules = layers) {
  const violations = []
  for (const [dir, allowed] of Object.entries(rules)) {
    const packageDir = join(root, dir)
    if (!existsSync(packageDir)) continue
    for (const file of files(packageDir)) {
      const inSrc = relative(packageDir, file).split(sep)[0] === 'src'
      const isTestFile = /\.(test|stories|e2e)\.[jt]sx?$/.test(file)
      const text = readFileSync(file, 'utf8')
      for (const specifier of importsOf(text)) {
        const where = `${relative(root, file)} imports '${specifier}'`
        if (specifier.startsWith('.')) {
          const target = resolve(dirname(file), specifier)
          if (!target.startsWith(packageDir + sep))
            violations.push(`${where}: reaches outside ${dir} by relative path`)
          continue
        }
        if (specifier.startsWith('@troupe/')) {
          const permitted = allowed.workspace.some(
            (p) => specifier === p || specifier.startsWith(`${p}/`),
          )
          if (!permitted && ((inSrc && !isTestFile) || !matches(specifier, testOnly)))
            violations.push(
              `${where}: ${dir} may import only ${allowed.workspace.join(', ') || 'no workspace package'}`,
            )
          continue
        }
        if (matches(specifier, allowed.outside)) continue
        if ((!inSrc || isTestFile) && matches(specifier, testOnly)) continue
        violations.push(
          `${where}: not allowed in ${dir} (allowed: ${allowed.outside.join(', ') || 'nothing outside'})`,
        )
      }
    }
  }
  return violations
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
  const violations = checkArchitecture(root)
  if (violations.length) {
    console.error(`TRP-903 ${violations.length} import(s) break docs/ARCHITECTURE.md:`)
    for (const v of violations) console.error(`  ${v}`)
    console.error(
      'Move the code to a layer that may depend on it, or update the rules and the doc together.',
    )
    process.exit(1)
  }
  console.log('Architecture holds: every import follows docs/ARCHITECTURE.md.')
}
