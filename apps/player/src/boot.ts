import type { ProjectFile } from '@troupe/core'
import { PLAYER_BOOT_ID, type PlayerBoot } from '@troupe/styles/page'

/** The published version this page plays, as the server (or the static export) wrote it. */
export interface Boot extends PlayerBoot {
  definition: ProjectFile
}

export function readBoot(doc: Document): Boot {
  const text = doc.getElementById(PLAYER_BOOT_ID)?.textContent
  if (!text) throw new Error('This page holds no published Troupe app (no #troupe-app data).')
  return JSON.parse(text) as Boot
}
