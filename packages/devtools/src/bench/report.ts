import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'

/** One suite's figures: a markdown table plus notes, written under its own heading. */
export interface SuiteReport {
  suite: string
  title: string
  command: string
  markdown: string
  /** Part of the suite's figures only (a quick run): printed, not written to BENCHMARKS.md. */
  partial?: boolean
}

export function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU'
  return `${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`
}

export function table(headers: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n')
}

/**
 * Replaces (or appends) the suite's section in BENCHMARKS.md, keeping the other suites'
 * figures, so `pnpm bench runtime` refreshes only the runtime numbers.
 */
export function writeReport(file: string, report: SuiteReport): void {
  const start = `<!-- bench:${report.suite} -->`
  const end = `<!-- /bench:${report.suite} -->`
  const section = [
    start,
    `## ${report.title}`,
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()} with \`${report.command}\`.`,
    '',
    report.markdown.trim(),
    end,
  ].join('\n')
  const header =
    '# Benchmarks\n\nEvery figure comes from `pnpm bench` (or `pnpm bench <suite>`), which measures a baseline in the same run. Regenerate rather than edit.\n'
  const current = existsSync(file) ? readFileSync(file, 'utf8') : header
  const pattern = new RegExp(`${escapeRegExp(start)}[\\s\\S]*?${escapeRegExp(end)}`)
  const next = pattern.test(current)
    ? current.replace(pattern, section)
    : `${current.trimEnd()}\n\n${section}\n`
  writeFileSync(file, next)
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}
