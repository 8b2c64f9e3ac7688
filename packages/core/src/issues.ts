/**
 * Problems users see carry a numbered code (TRP-…), listed with their fix in docs/errors.md,
 * the actor they concern and the JSON path inside it, so an editor can jump straight there.
 */
export type JsonPath = (string | number)[]

export const issueCodes = {
  invalidJson: 'TRP-100',
  invalidShape: 'TRP-101',
  unsupportedVersion: 'TRP-102',
  duplicateEntityId: 'TRP-103',
  missingActor: 'TRP-110',
  secondParent: 'TRP-111',
  parentCycle: 'TRP-112',
  rootInvalid: 'TRP-113',
  tagNotAllowed: 'TRP-120',
  attributeNotAllowed: 'TRP-121',
  unsafeUrl: 'TRP-122',
  codeExpression: 'TRP-123',
  invalidView: 'TRP-124',
  unknownOperator: 'TRP-125',
  unsafeStyle: 'TRP-126',
  unsafeKey: 'TRP-127',
  invalidExpression: 'TRP-128',
  renderFailed: 'TRP-130',
  skillFailed: 'TRP-140',
  cascadeStopped: 'TRP-141',
  unknownSkill: 'TRP-142',
  reservedSkillName: 'TRP-143',
  // Publishing (docs/errors.md, "Publishing").
  publishRefused: 'TRP-300',
  invalidSlug: 'TRP-301',
  slugTaken: 'TRP-302',
  unknownApp: 'TRP-303',
  unknownVersion: 'TRP-304',
  appKeyRequired: 'TRP-305',
  sharedScopeOnly: 'TRP-306',
  unknownAppActor: 'TRP-307',
  invalidAppEvent: 'TRP-308',
  playerNotBuilt: 'TRP-309',
  projectNotFound: 'TRP-310',
  invalidScope: 'TRP-311',
  // Wiring lint (docs/errors.md, "Lint"): warnings about a project that runs but misbehaves.
  lintUnhandledType: 'TRP-401',
  lintSenderWithoutSubscribers: 'TRP-402',
  lintMissingSubscription: 'TRP-403',
  lintMissingChild: 'TRP-404',
  lintMissingDependency: 'TRP-405',
  lintUnresolvedBinding: 'TRP-406',
  lintUnreachable: 'TRP-407',
  // Recorded tests (`troupe test`, the studio's "Save as test").
  testDifference: 'TRP-420',
  testFixtureInvalid: 'TRP-421',
  // The server (docs/errors.md, "Server and storage").
  loginRequired: 'TRP-600',
  loginLinkInvalid: 'TRP-601',
  readRefused: 'TRP-602',
  writeRefused: 'TRP-603',
  messageTooLarge: 'TRP-604',
  documentTooLarge: 'TRP-605',
  tooManyConnections: 'TRP-606',
  tooManyMessages: 'TRP-607',
  malformedMessage: 'TRP-608',
  peerIdRefused: 'TRP-609',
  corruptFile: 'TRP-610',
  storageFailed: 'TRP-611',
  crossOrigin: 'TRP-612',
  // The data folder, backup and restore (docs/errors.md, "Server and storage").
  dataFolderInUse: 'TRP-613',
  restoreTargetNotEmpty: 'TRP-614',
  notABackup: 'TRP-615',
  backupDamaged: 'TRP-616',
  backupSkippedFile: 'TRP-617',
  backupTargetNotEmpty: 'TRP-618',
  noDataFolder: 'TRP-619',
} as const
export type IssueCode = (typeof issueCodes)[keyof typeof issueCodes]

export interface TroupeIssue {
  code: IssueCode
  message: string
  /** The actor the problem is in, when it is in one. */
  actorId?: string
  /** JSON path from the actor definition (or from the project file root when no actor). */
  path: JsonPath
}

export function formatPath(path: JsonPath): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === 'number') return `${out}[${part}]`
    return /^[A-Za-z_$][\w$]*$/.test(part)
      ? out
        ? `${out}.${part}`
        : part
      : `${out}[${JSON.stringify(part)}]`
  }, '')
}

export function formatIssue(issue: TroupeIssue): string {
  const where = issue.actorId ? `actor "${issue.actorId}"` : 'project'
  const at = issue.path.length ? ` at ${formatPath(issue.path)}` : ''
  return `${issue.code} ${where}${at}: ${issue.message}`
}

/** Thrown when input is refused; carries every problem found, not only the first. */
export class TroupeValidationError extends Error {
  constructor(readonly issues: TroupeIssue[]) {
    super(issues.map(formatIssue).join('\n'))
    this.name = 'TroupeValidationError'
  }
}
