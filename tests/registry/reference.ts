import activitiesSeed from '../../resources/reference/activities.json'
import regionsSeed from '../../resources/reference/regions.json'
import territoriesSeed from '../../resources/reference/territories.json'
import { ReferenceResponseSchema, type ReferenceResponse } from '../../shared/registry/contract'
import { ActivitySeedSchema } from '../../shared/reference/activities'
import { RegionSeedSchema } from '../../shared/reference/regions'
import { TerritorySeedSchema } from '../../shared/reference/territories'
import type { RegistryContext } from './context'
import { referenceVersion } from './database'
import { invalid } from './errors'

/**
 * `GET /v1/reference`: regions, territories and activities, as shipped in
 * `resources/reference/`, under the registry's own version number (1 until an admin bumps
 * it). A desk already at that version gets `changed: false` and nothing else. The full
 * answer is checked against the contract once per version, then kept.
 */
let seeds: { regions: unknown; territories: unknown; activities: unknown } | null = null

function loadSeeds() {
  seeds ??= {
    regions: RegionSeedSchema.parse(regionsSeed).regions,
    territories: TerritorySeedSchema.parse(territoriesSeed).regions,
    activities: ActivitySeedSchema.parse(activitiesSeed).categories,
  }
  return seeds
}

const checked = new Map<number, ReferenceResponse>()

function fullReference(version: number): ReferenceResponse {
  let response = checked.get(version)
  if (!response) {
    response = ReferenceResponseSchema.parse({ version, changed: true, ...loadSeeds() })
    checked.set(version, response)
  }
  return response
}

export function reference(ctx: RegistryContext, query: URLSearchParams): ReferenceResponse {
  const raw = query.get('since')
  if (raw !== null && raw !== '' && !/^\d{1,9}$/.test(raw))
    throw invalid('since : un numéro de version (entier ≥ 0).')
  const since = raw ? Number(raw) : 0
  const version = referenceVersion(ctx.db)
  if (since >= version) return ReferenceResponseSchema.parse({ version, changed: false })
  return fullReference(version)
}
