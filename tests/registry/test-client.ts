import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import { uuidv7 } from '../../shared/ids/uuidv7'
import {
  EnrolResponseSchema,
  ErrorBodySchema,
  PATHS,
  PullResponseSchema,
  PushResponseSchema,
  type EnrolResponse,
  type PulledChange,
  type PushOperation,
  type PushResponse,
} from '../../shared/registry/contract'
import type { ArtisanChange, CertificateNotice } from '../../shared/registry/records'
import { startRegistry, type Registry, type RegistryOptions } from './server'

/**
 * What the registry tests share: a registry in a temp folder, and a tiny desk-side client
 * over real HTTP (fetch) that checks every answer against the contract, as a desk would.
 */
export const CLIENT_VERSION = '0.1.0'

export interface RunningRegistry {
  registry: Registry
  dir: string
  stop: () => Promise<void>
}

export async function openRegistry(
  options: Partial<RegistryOptions> = {},
  dir = mkdtempSync(join(tmpdir(), 'sijill-registry-')),
): Promise<RunningRegistry> {
  const registry = await startRegistry({ port: 0, dataDir: dir, reviewDelayMs: 60_000, ...options })
  return {
    registry,
    dir,
    stop: async () => {
      await registry.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export interface Answer {
  status: number
  headers: Headers
  body: unknown
}

export async function call(
  registry: Registry,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const response = await fetch(`${registry.url}${path}`, {
    method,
    headers: {
      'X-Client-Version': CLIENT_VERSION,
      ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    ...(options.body !== undefined
      ? { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }
      : {}),
  })
  const text = await response.text()
  return { status: response.status, headers: response.headers, body: JSON.parse(text) as unknown }
}

/** Asserts an error answer: its status, its contract code, and no stack trace. */
export function expectError(answer: Answer, status: number, code: string) {
  expect(answer.status).toBe(status)
  const body = ErrorBodySchema.parse(answer.body)
  expect(body.error.code).toBe(code)
  expect(JSON.stringify(answer.body)).not.toMatch(/\bat .+\.ts:\d+/)
  return body.error
}

export const admin = (registry: Registry, method: string, path: string, body?: unknown) =>
  call(registry, method, path, { token: registry.adminToken, body })

export interface Desk extends EnrolResponse {
  registry: Registry
}

export async function enrolDesk(
  registry: Registry,
  chamberCode: string,
  deviceId = `desk-${uuidv7()}`,
): Promise<Desk> {
  const answer = await call(registry, 'POST', PATHS.enrol, {
    body: {
      chamberCode,
      enrolmentToken: registry.createEnrolmentToken(chamberCode),
      deviceId,
      deviceName: `Guichet ${chamberCode}`,
      appVersion: CLIENT_VERSION,
    },
  })
  expect(answer.status).toBe(200)
  return { ...EnrolResponseSchema.parse(answer.body), registry }
}

const op = (fields: Omit<PushOperation, 'opId' | 'createdAt'>, opId = uuidv7()) =>
  ({ opId, createdAt: new Date().toISOString(), ...fields }) as PushOperation

export const createArtisan = (entityId: string, payload: ArtisanChange, opId?: string) =>
  op({ entityType: 'artisan', op: 'create', entityId, baseRevision: null, payload }, opId)

export const updateArtisan = (
  entityId: string,
  baseRevision: string | null,
  payload: ArtisanChange,
  opId?: string,
) => op({ entityType: 'artisan', op: 'update', entityId, baseRevision, payload }, opId)

export const deleteArtisan = (entityId: string, baseRevision: string | null, opId?: string) =>
  op({ entityType: 'artisan', op: 'delete', entityId, baseRevision, payload: {} }, opId)

export const certificateNotice = (
  kind: 'create' | 'update',
  notice: CertificateNotice,
  opId?: string,
) =>
  op(
    {
      entityType: 'certificate',
      op: kind,
      entityId: notice.number,
      baseRevision: null,
      payload: notice,
    },
    opId,
  )

/** A plausible identification: names, CIN, birth date. */
export function someArtisan(overrides: ArtisanChange = {}): ArtisanChange {
  return {
    cin: `JB${Math.floor(100000 + Math.random() * 899999)}`,
    firstNameLat: 'Fatima',
    lastNameLat: 'Ait Ouahmane',
    firstNameAr: 'فاطمة',
    lastNameAr: 'آيت واحمان',
    sex: 'F',
    birthDate: '1984-03-12',
    mainActivity: 'P01.001',
    ...overrides,
  }
}

export async function push(desk: Desk, operations: PushOperation[]): Promise<PushResponse> {
  const answer = await call(desk.registry, 'POST', PATHS.changes, {
    token: desk.accessToken,
    body: { operations },
  })
  expect(answer.status, JSON.stringify(answer.body)).toBe(200)
  return PushResponseSchema.parse(answer.body)
}

export async function pullPage(desk: Desk, cursor = '', limit?: number) {
  const query = new URLSearchParams({ cursor, ...(limit ? { limit: String(limit) } : {}) })
  const answer = await call(desk.registry, 'GET', `${PATHS.changes}?${query}`, {
    token: desk.accessToken,
  })
  expect(answer.status, JSON.stringify(answer.body)).toBe(200)
  return PullResponseSchema.parse(answer.body)
}

/** Every change after `cursor`, page after page. */
export async function pullAll(desk: Desk, cursor = '', limit?: number) {
  const changes: PulledChange[] = []
  for (;;) {
    const page = await pullPage(desk, cursor, limit)
    changes.push(...page.changes)
    cursor = page.cursor
    if (!page.hasMore) return { changes, cursor }
  }
}

export const newId = () => uuidv7()

/** Waits until `check` stops throwing (or gives up after `ms`). */
export async function eventually<T>(check: () => Promise<T>, ms = 3000): Promise<T> {
  const until = Date.now() + ms
  for (;;) {
    try {
      return await check()
    } catch (error) {
      if (Date.now() > until) throw error
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
  }
}

/** The artisan record a pulled change carries (null for a tombstone or a certificate). */
export const recordOf = (change: PulledChange | undefined) =>
  change?.entityType === 'artisan' ? change.record : null
