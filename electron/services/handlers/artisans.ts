import type { Handlers } from '../api/router'
import { deleteDraft, getDraft, listDrafts, saveDraft } from '../artisans/drafts'
import { findDuplicates, markNotSame } from '../artisans/duplicates'
import { countArtisans, listArtisans } from '../artisans/list'
import { recordPathStep } from '../artisans/path'
import { getArtisanFile } from '../artisans/read'
import { registerArtisan } from '../artisans/register'
import { searchArtisans } from '../artisans/search'
import { updateArtisan } from '../artisans/update'
import type { Db } from '../database/open'

type ArtisanHandlers = Pick<
  Handlers,
  | 'artisans.search'
  | 'artisans.list'
  | 'artisans.count'
  | 'artisans.get'
  | 'artisans.register'
  | 'artisans.update'
  | 'artisans.duplicates'
  | 'artisans.markNotSame'
  | 'artisans.recordStep'
  | 'drafts.save'
  | 'drafts.list'
  | 'drafts.get'
  | 'drafts.delete'
>

export function artisanHandlers(db: Db): ArtisanHandlers {
  return {
    'artisans.search': (input) => searchArtisans(db, input.query, input.limit),
    'artisans.list': (input) => listArtisans(db, input),
    'artisans.count': (input) => ({ count: countArtisans(db, input.filter) }),
    'artisans.get': (input) => getArtisanFile(db, input.id),
    'artisans.register': ({ draftId, notSameAs, ...registration }, ctx) =>
      db.transaction(() => {
        const result = registerArtisan(db, ctx.actor, registration)
        for (const other of notSameAs) markNotSame(db, ctx.actor, result.id, other)
        if (draftId) deleteDraft(db, ctx.actor.id, draftId)
        return result
      })(),
    'artisans.update': ({ id, expectedVersion, notSameAs, ...fields }, ctx) =>
      db.transaction(() => {
        const result = updateArtisan(db, ctx.actor, id, expectedVersion, fields)
        for (const other of notSameAs) markNotSame(db, ctx.actor, id, other)
        return result
      })(),
    'artisans.duplicates': (input) => findDuplicates(db, input),
    'artisans.markNotSame': (input, ctx) => {
      markNotSame(db, ctx.actor, input.a, input.b)
      return { ok: true as const }
    },
    'artisans.recordStep': (input, ctx) => recordPathStep(db, ctx.actor, input),
    'drafts.save': (input, ctx) => saveDraft(db, ctx.actor, input),
    'drafts.list': (_input, ctx) => listDrafts(db, ctx.actor.id),
    'drafts.get': (input, ctx) => getDraft(db, ctx.actor.id, input.id),
    'drafts.delete': (input, ctx) => {
      deleteDraft(db, ctx.actor.id, input.id)
      return { ok: true as const }
    },
  }
}
