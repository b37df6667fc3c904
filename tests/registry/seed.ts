import { randomUUID } from 'node:crypto'
import { blankArtisan } from './artisan-state'
import { commitArtisan } from './artisans'
import type { RegistryContext } from './context'

/**
 * Files made by the registry itself, as if other desks of the chamber had pushed them
 * (origin null): what `npm run bench` pulls, and a register to train on. Written through
 * the same commit as a push (a revision and a feed row each), in one transaction.
 */
export function seedRegistry(ctx: RegistryContext, chamberCode: string, count: number): void {
  const firsts = ['Mohamed', 'Fatima', 'Ahmed', 'Khadija', 'Youssef', 'Aicha', 'Omar', 'Naima']
  const lasts = ['Alaoui', 'Bennani', 'Idrissi', 'Ouali', 'Amzian', 'Tazi', 'Berrada', 'Fassi']
  ctx.db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const state = {
        ...blankArtisan(randomUUID(), chamberCode),
        cin: `ZS${String(i).padStart(6, '0')}`,
        firstNameLat: firsts[i % firsts.length] ?? null,
        lastNameLat: `${lasts[(i >> 3) % lasts.length]}${i}`,
        phone: `06${String(10_000_000 + i).slice(-8)}`,
        regionCode: chamberCode,
      }
      commitArtisan(ctx, { before: null, state, deleted: false, origin: null })
    }
  })()
}
