import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SijillApp } from '../../electron/services/app'
import { guessMapping } from '../../electron/services/import/columns'
import { parseCsv } from '../../electron/services/import/csv'
import { prepareRows } from '../../electron/services/import/prepare'
import { createPreparer } from '../../electron/services/import/preparer'
import { lookupsFrom, readReferenceNames } from '../../electron/services/import/reference-names'
import { openTestDesk, tempDir, VALID_SETUP } from '../helpers/temp-desk'

let cleanup: () => void
let app: SijillApp
beforeEach(async () => {
  let dir: string
  ;({ dir, cleanup } = tempDir())
  app = openTestDesk(dir)
  await app.direct().call('setup.complete', VALID_SETUP)
})
afterEach(() => {
  app.close()
  cleanup()
})

describe('preparing import rows in a worker thread', () => {
  it('gives exactly what the main thread would, batch after batch', async () => {
    const rows = parseCsv(
      [
        'CIN;Prénom;Nom;الاسم الشخصي;Téléphone;Date de naissance;Commune;Activité',
        'JE100001;Ahmed;Ouali;أحمد;0661112233;12/03/1975;Tiznit;',
        'X1;Said;Amrani;;0663000000;31/02/1980;Atlantis;',
        ';;;;;;;',
        'JE100002;Fatima;Tazi;;+212 6 62 00 00 00;28500;;Astronautique',
      ].join('\n'),
    )
    const mapping = guessMapping(rows[0] ?? [])
    const names = readReferenceNames(app.db, VALID_SETUP.chamber.regionCode)
    const preparer = createPreparer(mapping, names)
    try {
      expect(preparer.threaded).toBe(true)
      const inThread = prepareRows(rows.slice(1), 1, mapping, lookupsFrom(names))
      expect(await preparer.prepare(rows.slice(1, 3), 1)).toEqual(inThread.slice(0, 2))
      expect(await preparer.prepare(rows.slice(3), 3)).toEqual(inThread.slice(2))
      expect(inThread.map((p) => p.kind)).toEqual(['valid', 'rejected', 'empty', 'rejected'])
    } finally {
      preparer.close()
    }
  })
})
