import { type IssueCode, issueCodes, type JsonPath, type TroupeIssue } from '../issues'
import { codeStringMessage, looksLikeCode } from '../language/code-strings'
import { expressionOperator } from '../language/expressions'
import { isKnownOperator } from '../language/operators'
import { isDataPath } from '../language/paths'
import { isSafeKey } from '../safety/keys'

/** Collects issues for one actor (or the project when `actorId` is undefined). */
export class IssueList {
  readonly issues: TroupeIssue[] = []
  constructor(readonly actorId?: string) {}

  add(code: IssueCode, message: string, path: JsonPath): void {
    this.issues.push(
      this.actorId === undefined
        ? { code, message, path }
        : { code, message, actorId: this.actorId, path },
    )
  }
}

/**
 * Checks a value of the expression language without running it: JavaScript strings
 * (TRP-123), unknown operators (TRP-125), `$` without a path (TRP-128) and prototype keys
 * (TRP-127), at any depth.
 */
export function checkValue(value: unknown, at: JsonPath, out: IssueList): void {
  if (typeof value === 'string') {
    if (looksLikeCode(value)) out.add(issueCodes.codeExpression, codeStringMessage(value), at)
    return
  }
  if (value === null || typeof value !== 'object') return
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      checkValue(v, [...at, i], out)
    })
    return
  }
  const record = value as Record<string, unknown>
  const operator = expressionOperator(record as never)
  if (operator !== null) {
    if (!isKnownOperator(operator)) {
      out.add(issueCodes.unknownOperator, `unknown operator "${operator}"`, at)
      return
    }
    const operand = record[operator]
    if (operator === '$') {
      if (typeof operand !== 'string' || !isDataPath(operand)) {
        out.add(
          looksLikeCode(String(operand)) ? issueCodes.codeExpression : issueCodes.invalidExpression,
          typeof operand === 'string' && looksLikeCode(operand)
            ? codeStringMessage(operand)
            : '"$" takes a path starting with context., item, payload. or dependencies.',
          [...at, '$'],
        )
      }
      return
    }
    checkValue(operand, [...at, operator], out)
    return
  }
  for (const key of Object.keys(record)) {
    if (!isSafeKey(key))
      out.add(issueCodes.unsafeKey, `"${key}" is not allowed as a key`, [...at, key])
    else checkValue(record[key], [...at, key], out)
  }
}

/** Reports every prototype key inside plain data (context, entities, payloads). */
export function checkDataKeys(value: unknown, at: JsonPath, out: IssueList): void {
  if (value === null || typeof value !== 'object') return
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      checkDataKeys(v, [...at, i], out)
    })
    return
  }
  for (const key of Object.keys(value)) {
    if (!isSafeKey(key))
      out.add(issueCodes.unsafeKey, `"${key}" is not allowed as a key`, [...at, key])
    else checkDataKeys((value as Record<string, unknown>)[key], [...at, key], out)
  }
}
