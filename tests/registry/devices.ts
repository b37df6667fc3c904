import regionsSeed from '../../resources/reference/regions.json'
import {
  EnrolResponseSchema,
  TokensSchema,
  type EnrolRequest,
  type EnrolResponse,
  type Tokens,
} from '../../shared/registry/contract'
import type { Device, RegistryContext } from './context'
import { nowIso } from './dates'
import type { Db } from './database'
import { RegistryError, unauthorized } from './errors'
import {
  hashToken,
  normaliseEnrolmentToken,
  randomDeskCode,
  randomToken,
  readableEnrolmentToken,
} from './secrets'

/**
 * Desks and their credentials: a one-time enrolment token (made by an admin for one
 * chamber) buys a device a national desk code and a refresh token; the refresh token buys
 * short-lived access tokens and is rotated each time, the previous one being accepted once
 * more for a short grace so that a lost answer does not lock the desk out.
 */
const CHAMBERS = new Set(regionsSeed.regions.map((region) => region.code))

export function createEnrolmentToken(ctx: RegistryContext, chamberCode: string): string {
  if (!CHAMBERS.has(chamberCode)) throw new Error(`no chamber ${chamberCode} (01–12)`)
  const token = readableEnrolmentToken(chamberCode)
  ctx.db
    .prepare('INSERT INTO enrolment_tokens (hash, chamber_code, created_at) VALUES (?, ?, ?)')
    .run(hashToken(token), chamberCode, nowIso())
  return token
}

const refused = () =>
  new RegistryError(
    403,
    'enrolment_refused',
    "Jeton d'enrôlement inconnu, déjà utilisé ou émis pour une autre chambre.",
  )

function unusedDeskCode(db: Db): string {
  const taken = db.prepare('SELECT 1 FROM devices WHERE desk_code = ?').pluck()
  for (;;) {
    const code = randomDeskCode()
    if (!taken.get(code)) return code
  }
}

/** New access and refresh tokens for a device; the refresh token replaces the current one. */
function issueTokens(ctx: RegistryContext, deviceId: string, previousRefreshHash: string | null) {
  const now = Date.now()
  const accessToken = randomToken()
  const refreshToken = randomToken()
  const expiresAt = now + ctx.settings.accessTokenTtlMs
  ctx.db.prepare('DELETE FROM access_tokens WHERE expires_at < ?').run(now - 86_400_000)
  ctx.db
    .prepare('INSERT INTO access_tokens (hash, device_id, expires_at) VALUES (?, ?, ?)')
    .run(hashToken(accessToken), deviceId, expiresAt)
  ctx.db
    .prepare(
      `UPDATE devices SET refresh_hash = ?, previous_refresh_hash = ?, previous_refresh_until = ?
       WHERE id = ?`,
    )
    .run(
      hashToken(refreshToken),
      previousRefreshHash,
      previousRefreshHash ? now + ctx.settings.refreshGraceMs : null,
      deviceId,
    )
  return TokensSchema.parse({
    accessToken,
    accessTokenExpiresAt: new Date(expiresAt).toISOString(),
    refreshToken,
  })
}

interface DeviceRow {
  id: string
  chamber_code: string
  desk_code: string
}

/**
 * Enrols a desk. The token must exist, be for this chamber and be unused; it is used up.
 * The same device enrolling again (a reinstalled desk, with a new token) keeps its desk code.
 */
export function enrol(ctx: RegistryContext, request: EnrolRequest): EnrolResponse {
  return ctx.db.transaction(() => {
    const hash = hashToken(normaliseEnrolmentToken(request.enrolmentToken))
    const token = ctx.db
      .prepare('SELECT chamber_code, used_at FROM enrolment_tokens WHERE hash = ?')
      .get(hash) as { chamber_code: string; used_at: string | null } | undefined
    if (!token || token.used_at !== null || token.chamber_code !== request.chamberCode)
      throw refused()
    const existing = ctx.db
      .prepare('SELECT id, chamber_code, desk_code FROM devices WHERE id = ?')
      .get(request.deviceId) as DeviceRow | undefined
    if (existing && existing.chamber_code !== request.chamberCode) throw refused()
    const deskCode = existing?.desk_code ?? unusedDeskCode(ctx.db)
    if (existing) {
      ctx.db
        .prepare('UPDATE devices SET name = ?, app_version = ? WHERE id = ?')
        .run(request.deviceName, request.appVersion, request.deviceId)
    } else {
      ctx.db
        .prepare(
          `INSERT INTO devices (id, chamber_code, desk_code, name, app_version, created_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(
          request.deviceId,
          request.chamberCode,
          deskCode,
          request.deviceName,
          request.appVersion,
          nowIso(),
        )
    }
    ctx.db
      .prepare('UPDATE enrolment_tokens SET used_at = ?, used_by = ? WHERE hash = ?')
      .run(nowIso(), request.deviceId, hash)
    const tokens = issueTokens(ctx, request.deviceId, null)
    return EnrolResponseSchema.parse({
      ...tokens,
      deviceId: request.deviceId,
      deskCode,
      chamberCode: request.chamberCode,
    })
  })()
}

/** Rotates a refresh token. The previous one is accepted once more within the grace. */
export function refreshTokens(ctx: RegistryContext, refreshToken: string): Tokens {
  return ctx.db.transaction(() => {
    const hash = hashToken(refreshToken)
    const current = ctx.db
      .prepare('SELECT id FROM devices WHERE refresh_hash = ?')
      .pluck()
      .get(hash) as string | undefined
    if (current) return issueTokens(ctx, current, hash)
    const previous = ctx.db
      .prepare(
        'SELECT id FROM devices WHERE previous_refresh_hash = ? AND previous_refresh_until > ?',
      )
      .pluck()
      .get(hash, Date.now()) as string | undefined
    if (previous) return issueTokens(ctx, previous, null)
    throw unauthorized('Jeton de renouvellement inconnu ou périmé : réenrôlez le poste.')
  })()
}

/** The device behind `Authorization: Bearer <access token>`, or 401. */
export function authenticate(ctx: RegistryContext, authorization: string | undefined): Device {
  const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1]
  if (!token) throw unauthorized("Jeton d'accès manquant.")
  const row = ctx.db
    .prepare(
      `SELECT d.id, d.chamber_code, d.desk_code, a.expires_at FROM access_tokens a
       JOIN devices d ON d.id = a.device_id WHERE a.hash = ?`,
    )
    .get(hashToken(token)) as (DeviceRow & { expires_at: number }) | undefined
  if (!row) throw unauthorized("Jeton d'accès inconnu.")
  if (row.expires_at <= Date.now())
    throw new RegistryError(401, 'token_expired', "Jeton d'accès expiré : renouvelez-le.")
  return { id: row.id, chamberCode: row.chamber_code, deskCode: row.desk_code }
}

/** The `expireTokens` fault: every access token expires now. */
export function expireAccessTokens(db: Db): void {
  db.prepare('UPDATE access_tokens SET expires_at = ? WHERE expires_at > ?').run(
    Date.now() - 1,
    Date.now() - 1,
  )
}
