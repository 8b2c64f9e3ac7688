import { statSync } from 'node:fs'
import { join } from 'node:path'
import { whenDoc } from '@troupe/documents'
import { type DocHandle, type Repo, whenSynced } from '@troupe/documents/node'
import { beforeAll, describe, expect, it } from 'vitest'
import type { VisitorGrant } from '../src/access/policy'
import { TOKEN_FILE } from '../src/access/token'
import { startServer } from '../src/server'
import {
  captureLogs,
  closed,
  NETWORK_TIMEOUT_MS,
  openSocket,
  overTheNetwork,
  serverForBlock,
} from './helpers'

type Doc = { title: string; count?: number }

describe('login: owner token, login link, session cookie', overTheNetwork, () => {
  const suite = serverForBlock('login')

  it('creates a random owner token of 32+ bytes, readable by the owner only, and keeps it', async () => {
    const file = join(suite.data.path, TOKEN_FILE)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(Buffer.from(suite.server.ownerToken, 'base64url').length).toBeGreaterThanOrEqual(32)
    expect(suite.server.tokenCreated).toBe(true)
    const again = await startServer({ port: 0, dataDir: suite.data.path })
    try {
      expect(again.ownerToken).toBe(suite.server.ownerToken)
      expect(again.tokenCreated).toBe(false)
    } finally {
      await again.close()
    }
  })

  it('refuses the APIs without a login and answers them with a bearer token', async () => {
    const anonymous = await fetch(`${suite.server.url}/api/session`)
    expect(anonymous.status).toBe(401)
    expect(((await anonymous.json()) as { code: string }).code).toBe('TRP-600')
    const wrong = await fetch(`${suite.server.url}/api/session`, {
      headers: { authorization: 'Bearer not-the-token-not-the-token-not-the-token' },
    })
    expect(wrong.status).toBe(401)
    const program = await fetch(`${suite.server.url}/api/session`, {
      headers: { authorization: `Bearer ${suite.server.ownerToken}` },
    })
    expect(program.status).toBe(200)
    expect(await program.json()).toEqual({ role: 'owner' })
    expect((await fetch(`${suite.server.url}/api/anything`)).status).toBe(401)
  })

  it('logs a browser in with the link: a strict HttpOnly cookie, then a redirect without the token', async () => {
    const link = new URL(suite.server.loginUrl)
    expect(link.searchParams.get('token')).toBe(suite.server.ownerToken)
    const response = await fetch(`${suite.server.url}/p/abc?x=1&token=${suite.server.ownerToken}`, {
      redirect: 'manual',
    })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/p/abc?x=1')
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    expect(cookie).not.toMatch(/Secure/) // plain http here; Secure only over https
    expect(cookie).not.toContain(suite.server.ownerToken)
    const session = await fetch(`${suite.server.url}/api/session`, {
      headers: { cookie: cookie.split(';')[0] as string },
    })
    expect(session.status).toBe(200)
  })

  it('refuses a login link with a wrong token and sets no cookie', async () => {
    const response = await fetch(`${suite.server.url}/?token=wrong`, { redirect: 'manual' })
    expect(response.status).toBe(401)
    expect(response.headers.get('set-cookie')).toBeNull()
    expect(await response.text()).toContain('TRP-601')
  })

  it('keeps /health open for liveness probes', async () => {
    expect((await fetch(`${suite.server.url}/health`)).status).toBe(200)
  })
})

describe('the sync websocket refuses who does not belong', overTheNetwork, () => {
  const logs = captureLogs()
  const grants: Record<string, VisitorGrant> = {}
  const suite = serverForBlock('access', {
    logger: logs.logger,
    visitorGrants: (app) => grants[app],
  })
  let owner: Repo
  let project: DocHandle<Doc>
  let definition: DocHandle<Doc>
  let state: DocHandle<Doc>

  beforeAll(async () => {
    owner = suite.client()
    project = owner.create<Doc>({ title: 'the project (owner only)' })
    definition = owner.create<Doc>({ title: 'pinned definition' })
    state = owner.create<Doc>({ title: 'shared state', count: 0 })
    await Promise.all([project, definition, state].map((h) => whenSynced(owner, h)))
    grants.demo = { read: [definition.url], readWrite: [state.documentId] }
  }, NETWORK_TIMEOUT_MS)
  const visitor = (peerId?: string) =>
    suite.client(`${suite.server.syncUrl}?app=demo`, peerId ? { peerId } : {})

  it('refuses a connection without a token (401, TRP-600)', async () => {
    const opened = await openSocket(suite.server.syncUrl)
    expect(opened.kind === 'refused' && opened.status).toBe(401)
    expect(opened.kind === 'refused' && opened.body).toContain('TRP-600')
  })

  it('refuses a connection with a wrong token, as query or bearer header', async () => {
    const query = await openSocket(`${suite.server.syncUrl}?token=${'x'.repeat(43)}`)
    expect(query.kind === 'refused' && query.status).toBe(401)
    const header = await openSocket(suite.server.syncUrl, {
      authorization: `Bearer ${'y'.repeat(43)}`,
    })
    expect(header.kind === 'refused' && header.status).toBe(401)
    const unknownApp = await openSocket(`${suite.server.syncUrl}?app=nope`)
    expect(unknownApp.kind === 'refused' && unknownApp.status).toBe(401)
  })

  it('refuses a page from another site even with the owner cookie (TRP-612)', async () => {
    const login = await fetch(suite.server.loginUrl.replace('localhost', '127.0.0.1'), {
      redirect: 'manual',
    })
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string
    const evil = await openSocket(suite.server.syncUrl, { cookie, origin: 'https://evil.example' })
    expect(evil.kind === 'refused' && evil.status).toBe(403)
    const same = await openSocket(suite.server.syncUrl, {
      cookie,
      origin: `http://127.0.0.1:${suite.server.port}`,
    })
    expect(same.kind).toBe('open')
    if (same.kind === 'open') same.socket.close()
  })

  it('answers a visitor asking for a project document "unavailable", and logs TRP-602', async () => {
    const guest = visitor()
    await expect(guest.find<Doc>(project.url)).rejects.toThrow(/unavailable/)
    const refusal = await logs.waitFor(
      (line) => line.code === 'TRP-602' && line.documentId === project.documentId,
    )
    expect(refusal.type).toBe('request')
  })

  it('lets a visitor read the pinned definition and read and write the shared state', async () => {
    const guest = visitor()
    const pinned = await guest.find<Doc>(definition.url)
    expect(pinned.doc().title).toBe('pinned definition')
    const shared = await guest.find<Doc>(state.url)
    shared.change((d) => {
      d.count = 1
    })
    await whenDoc(state, (d) => d.count === 1)
  })

  it('closes a visitor connection that writes to the definition (4003, TRP-603); the server keeps its copy', async () => {
    const guest = visitor()
    const pinned = await guest.find<Doc>(definition.url)
    pinned.change((d) => {
      d.title = 'defaced'
    })
    const refusal = await logs.waitFor(
      (line) => line.code === 'TRP-603' && line.documentId === definition.documentId,
    )
    expect(refusal.msg).toContain('not allowed to write')
    const onServer = await suite.server.repo.find<Doc>(definition.url)
    expect(onServer.doc().title).toBe('pinned definition')
    expect(definition.doc().title).toBe('pinned definition')
  })

  it('does not let a visitor take over the owner connection by claiming its peer id (TRP-609)', async () => {
    const ownerPeer = owner.peerId
    const impostor = visitor(ownerPeer)
    await logs.waitFor((line) => line.code === 'TRP-609' && line.peerId === ownerPeer)
    // The owner keeps syncing through its own connection.
    state.change((d) => {
      d.title = 'still the owner'
    })
    await whenSynced(owner, state)
    expect(impostor.peers).toEqual([])
  })

  it('closes a connection whose messages claim another sender (TRP-609)', async () => {
    const opened = await openSocket(suite.server.ownerSyncUrl)
    if (opened.kind !== 'open') throw new Error('owner socket refused')
    // A message before any join names no peer this connection owns.
    const { encodeFrame } = await import('@troupe/documents/node')
    const end = closed(opened.socket)
    opened.socket.send(
      encodeFrame({
        type: 'doc-unavailable',
        senderId: 'someone-else',
        targetId: 'x',
        documentId: project.documentId,
      }),
    )
    expect((await end).code).toBe(4009)
  })
})
