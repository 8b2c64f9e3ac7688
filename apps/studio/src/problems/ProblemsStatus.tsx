/**
 * The problems of a JSON draft as a live status region: screen readers hear the list change
 * as the person types; with no problems it says what is valid (`valid`, e.g. "Valid skills").
 */
export function ProblemsStatus({
  label,
  valid,
  problems,
  className,
}: {
  /** The region's accessible name, e.g. "Skills problems". */
  label: string
  valid: string
  problems: readonly string[]
  className: string
}) {
  return (
    <div role="status" aria-label={label} className={className}>
      {problems.length === 0 ? (
        <span className="ok">{valid}</span>
      ) : (
        <ul>
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  )
}
