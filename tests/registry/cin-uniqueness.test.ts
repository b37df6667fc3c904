import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createArtisan,
  deleteArtisan,
  enrolDesk,
  newId,
  openRegistry,
  push,
  someArtisan,
  updateArtisan,
  type RunningRegistry,
} from './test-client'

/** One CIN per living artisan in the whole country, whatever the chamber. */
let running: RunningRegistry
beforeEach(async () => {
  running = await openRegistry()
})
afterEach(() => running.stop())

describe('national CIN uniqueness', () => {
  it('refuses a CIN held in another chamber, without saying whose it is', async () => {
    const agadir = await enrolDesk(running.registry, '09')
    const tanger = await enrolDesk(running.registry, '01')
    const first = newId()
    const created = (await push(agadir, [createArtisan(first, someArtisan({ cin: 'JB 123456' }))]))
      .results[0]
    expect(created?.status).toBe('applied')

    const second = newId()
    const [taken] = (await push(tanger, [createArtisan(second, someArtisan({ cin: 'jb123456' }))]))
      .results
    expect(taken).toMatchObject({ status: 'rejected', reason: { code: 'cin_taken' } })
    const message = taken?.status === 'rejected' ? taken.reason.message : ''
    expect(message).not.toMatch(/123456|Fatima|Ouahmane|09|Agadir/)

    // Changing one's own file to a taken CIN is refused too.
    const third = newId()
    const own = (await push(tanger, [createArtisan(third, someArtisan({ cin: 'K 987654' }))]))
      .results[0]
    const revision = own?.status === 'applied' ? own.revision : null
    const [update] = (await push(tanger, [updateArtisan(third, revision, { cin: 'JB123456' })]))
      .results
    expect(update).toMatchObject({ status: 'rejected', reason: { code: 'cin_taken' } })
    // Keeping one's own CIN is no conflict with oneself.
    const [same] = (
      await push(tanger, [updateArtisan(third, revision, { cin: 'K987654', phone: '0612121212' })])
    ).results
    expect(same?.status).toBe('applied')

    // Once the first file is deleted, its CIN is free again.
    const base = created?.status === 'applied' ? created.revision : null
    expect((await push(agadir, [deleteArtisan(first, base)])).results[0]?.status).toBe('applied')
    const [retry] = (await push(tanger, [createArtisan(newId(), someArtisan({ cin: 'JB123456' }))]))
      .results
    expect(retry?.status).toBe('applied')
  })

  it('lets files without a CIN (minors, organisations) coexist', async () => {
    const desk = await enrolDesk(running.registry, '09')
    const { results } = await push(desk, [
      createArtisan(newId(), someArtisan({ cin: null })),
      createArtisan(newId(), someArtisan({ cin: null })),
      createArtisan(newId(), someArtisan({ cin: '  ' })),
    ])
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied'])
  })
})
