import { describe, expect, it } from 'vitest'
import seed from '../../resources/reference/territories.json'
import regionsSeed from '../../resources/reference/regions.json'
import { TerritorySeedSchema, type Province } from '@shared/reference/territories'

const territory = TerritorySeedSchema.parse(seed)
const provinces = territory.regions.flatMap((region) => region.provinces)
const communes = provinces.flatMap((province) => province.communes)

const ARABIC = /\p{Script=Arabic}/u
const LATIN = /\p{Script=Latin}/u

function findProvince(nameFr: string): Province {
  const province = provinces.find((candidate) => candidate.nameFr === nameFr)
  if (!province) throw new Error(`no province named ${nameFr}`)
  return province
}

describe('territory reference data', () => {
  it('parses with the territory schema', () => {
    expect(TerritorySeedSchema.safeParse(seed).success).toBe(true)
  })

  it('has the 12 regions of regions.json, with the same codes and names in the same order', () => {
    expect(territory.regions.map(({ code, nameAr, nameFr }) => ({ code, nameAr, nameFr }))).toEqual(
      regionsSeed.regions.map(({ code, nameAr, nameFr }) => ({ code, nameAr, nameFr })),
    )
  })

  it('has the 75 prefectures and provinces of the 2015 division: 13 prefectures, 62 provinces', () => {
    // Official count since 2015: 13 prefectures + 62 provinces = 75. Casablanca's eight
    // prefectures of arrondissements are subdivisions of one prefecture, not counted here.
    expect(provinces).toHaveLength(75)
    expect(provinces.filter((p) => p.kind === 'prefecture')).toHaveLength(13)
    expect(provinces.filter((p) => p.kind === 'province')).toHaveLength(62)
  })

  it('lists every commune of the 2024 census: 1,503 in all', () => {
    expect(communes).toHaveLength(1503)
  })

  it('gives every region, province and commune a unique code under its parent', () => {
    const codes = [
      ...territory.regions.map((r) => r.code),
      ...provinces.map((p) => p.code),
      ...communes.map((c) => c.code),
    ]
    expect(new Set(codes).size).toBe(codes.length)
    for (const region of territory.regions) {
      expect(region.code).toMatch(/^\d{2}$/)
      for (const province of region.provinces) {
        expect(province.code).toMatch(new RegExp(`^${region.code}\\.\\d{2}$`))
        for (const commune of province.communes) {
          expect(commune.code).toMatch(
            new RegExp(`^${province.code.replace('.', '\\.')}\\.\\d{3}$`),
          )
        }
      }
    }
  })

  it('writes every Arabic name in Arabic script only and every French name in Latin script only', () => {
    const places = [...territory.regions, ...provinces, ...communes]
    for (const place of places) {
      expect(place.nameAr, place.nameFr).toMatch(ARABIC)
      expect(place.nameAr, place.nameFr).not.toMatch(LATIN)
      expect(place.nameFr, place.nameAr).toMatch(LATIN)
      expect(place.nameFr, place.nameAr).not.toMatch(ARABIC)
    }
  })

  it('never names two communes of one province alike, in Arabic or in French', () => {
    for (const province of provinces) {
      const fr = province.communes.map((c) => c.nameFr.toLocaleLowerCase('fr'))
      const ar = province.communes.map((c) => c.nameAr)
      expect(new Set(fr).size, province.nameFr).toBe(fr.length)
      expect(new Set(ar).size, province.nameFr).toBe(ar.length)
    }
  })

  it('gives every province at least one commune, and one urban commune where it has a town', () => {
    for (const province of provinces) {
      expect(province.communes.length, province.nameFr).toBeGreaterThan(0)
    }
    // Fahs-Anjra is the only one whose communes are all rural.
    const withoutTown = provinces.filter((p) => !p.communes.some((c) => c.kind === 'urban'))
    expect(withoutTown.map((p) => p.nameFr)).toEqual(['Fahs-Anjra'])
  })

  it('places Tiznit as a province of Souss-Massa with the urban commune Tiznit', () => {
    const tiznit = findProvince('Tiznit')
    expect(tiznit.kind).toBe('province')
    expect(tiznit.nameAr).toBe('تيزنيت')
    expect(tiznit.code.startsWith('09.')).toBe(true)
    expect(tiznit.communes).toContainEqual(
      expect.objectContaining({ kind: 'urban', nameAr: 'تيزنيت', nameFr: 'Tiznit' }),
    )
  })

  it('gives Souss-Massa its two prefectures and four provinces', () => {
    const soussMassa = territory.regions.find((r) => r.code === '09')
    expect(soussMassa?.nameFr).toBe('Souss-Massa')
    expect(soussMassa?.provinces.map((p) => [p.nameFr, p.kind])).toEqual([
      ['Agadir Ida-Outanane', 'prefecture'],
      ['Chtouka-Aït Baha', 'province'],
      ['Inezgane-Aït Melloul', 'prefecture'],
      ['Taroudant', 'province'],
      ['Tata', 'province'],
      ['Tiznit', 'province'],
    ])
  })

  it('places Casablanca as a prefecture of Casablanca-Settat', () => {
    const casablanca = findProvince('Casablanca')
    expect(casablanca.kind).toBe('prefecture')
    expect(casablanca.code.startsWith('06.')).toBe(true)
    expect(casablanca.communes).toContainEqual(
      expect.objectContaining({ kind: 'urban', nameAr: 'الدار البيضاء', nameFr: 'Casablanca' }),
    )
  })

  it('knows the regional seats as urban communes of their region', () => {
    for (const region of regionsSeed.regions) {
      const territoryRegion = territory.regions.find((r) => r.code === region.code)
      const seat = territoryRegion?.provinces
        .flatMap((p) => p.communes)
        .find((c) => c.nameFr === region.seatFr)
      expect(seat, region.seatFr).toMatchObject({ kind: 'urban', nameAr: region.seatAr })
    }
  })

  it('writes the usual French spellings with their accents', () => {
    const names = new Set(communes.map((c) => c.nameFr))
    for (const name of ['Aït Melloul', 'Ksar El Kébir', 'Tétouan', 'Fès', 'Meknès', 'Laâyoune']) {
      expect(names.has(name), name).toBe(true)
    }
  })
})
