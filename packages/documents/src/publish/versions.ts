import type { Doc } from '@automerge/automerge-repo'
import {
  diffDefinitions,
  issueCodes,
  type ProjectFile,
  TroupeValidationError,
  type VersionDiff,
} from '@troupe/core'
import type { AppDoc, AppVersion } from '../schema/app'

/** A version as plain JSON (its definition parsed), for APIs and the player. */
export interface AppVersionInfo {
  number: number
  time: string
  note?: string
  projectUrl: string
  heads: string[]
  rollbackOf?: number
  live: boolean
}

/** The version with that number, or a TRP-304 error naming the versions there are. */
export function findVersion(doc: Doc<AppDoc>, number: number): AppVersion {
  const version = doc.versions.find((v) => v.number === number)
  if (version) return version
  throw new TroupeValidationError([
    {
      code: issueCodes.unknownVersion,
      message: `app "${doc.slug}" has no version ${number} (it has 1 to ${doc.versions.length})`,
      path: ['versions'],
    },
  ])
}

/** The frozen definition a version pinned. */
export function versionDefinition(version: AppVersion): ProjectFile {
  return JSON.parse(version.definition.val) as ProjectFile
}

/** Every version, oldest first, without their definitions. */
export function listVersions(doc: Doc<AppDoc>): AppVersionInfo[] {
  return doc.versions.map((v) => ({
    number: v.number,
    time: v.time,
    ...(v.note === undefined ? {} : { note: v.note }),
    projectUrl: v.projectUrl,
    heads: [...v.heads],
    ...(v.rollbackOf === undefined ? {} : { rollbackOf: v.rollbackOf }),
    live: v.number === doc.live,
  }))
}

/** What changed from version `from` to version `to`. */
export function diffVersions(doc: Doc<AppDoc>, from: number, to: number): VersionDiff {
  return diffDefinitions(
    versionDefinition(findVersion(doc, from)),
    versionDefinition(findVersion(doc, to)),
  )
}
