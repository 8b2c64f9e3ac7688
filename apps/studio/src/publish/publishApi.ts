import type { Published, TroupeIssue, VersionDiff } from '@troupe/core'

/** The owner's publishing API (apps/server/src/http/app-api.ts), as the studio calls it. */
export interface VersionInfo {
  number: number
  time: string
  note?: string
  rollbackOf?: number
  live: boolean
}

export interface AppInfo {
  slug: string
  scope: 'shared' | 'visitor'
  live: number
  versions: VersionInfo[]
}

/** A refusal from the server: its TRP code, what to do, and every issue (actor, JSON path). */
export class PublishError extends Error {
  constructor(
    message: string,
    readonly issues: TroupeIssue[] = [],
  ) {
    super(message)
  }
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, {
    ...init,
    headers: { 'content-type': 'application/json' },
    credentials: 'same-origin',
  })
  const body = (await response.json().catch(() => ({}))) as {
    message?: string
    issues?: TroupeIssue[]
  }
  if (!response.ok)
    throw new PublishError(body.message ?? `The server answered ${response.status}`, body.issues)
  return body as T
}

export const publishApi = {
  appsOf: (projectUrl: string) =>
    call<AppInfo[]>(`/api/apps?project=${encodeURIComponent(projectUrl)}`),
  app: (slug: string) => call<AppInfo>(`/api/apps/${encodeURIComponent(slug)}`),
  publish: (body: { project: string; slug: string; note?: string; scope?: string }) =>
    call<Published>('/api/apps', { method: 'POST', body: JSON.stringify(body) }),
  diff: (slug: string, from: number, to: number) =>
    call<VersionDiff>(`/api/apps/${encodeURIComponent(slug)}/diff?from=${from}&to=${to}`),
  rollback: (slug: string, to: number) =>
    call<{ number: number }>(`/api/apps/${encodeURIComponent(slug)}/rollback`, {
      method: 'POST',
      body: JSON.stringify({ to }),
    }),
}
