import { formatPath, type TroupeIssue } from '@troupe/core'

/**
 * The inline error shown in place of one actor that cannot render. It names the actor and
 * each problem's code and JSON path, as text only (messages may quote user input). Styled
 * inline so it reads the same in the studio and in a published app without any stylesheet.
 */
export function ErrorBox({
  actorId,
  issues,
  marksActor = true,
}: {
  actorId: string
  issues: TroupeIssue[]
  /** False for a problem inside a rendered actor, so `data-actor-id` still finds one element. */
  marksActor?: boolean
}) {
  return (
    <div
      role="alert"
      data-actor-id={marksActor ? actorId : undefined}
      data-troupe-error=""
      style={boxStyle}
    >
      <strong>Actor “{actorId}” cannot render</strong>
      <ul style={listStyle}>
        {issues.map((issue, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: issues are a fixed list per render
          <li key={i}>
            <code>{issue.code}</code> at <code>{formatPath(issue.path) || '(actor)'}</code>:{' '}
            {issue.message}
          </li>
        ))}
      </ul>
    </div>
  )
}

const boxStyle = {
  border: '1px solid #d33',
  background: '#fff4f4',
  color: '#811',
  padding: '6px 8px',
  margin: '2px 0',
  borderRadius: 4,
  font: '12px/1.4 system-ui, sans-serif',
} as const

const listStyle = { margin: '4px 0 0', paddingLeft: 18 } as const
