import { afterEach, expect, it } from 'vitest'
import { createApiClient, type ApiClient } from '@shared/api/client'
import type { Actor } from '@shared/api/roles'
import type { SijillApp } from '../../electron/services/app'
import { openTestDesk, tempDir, VALID_SETUP } from '../helpers/temp-desk'

/** Drafts on a shared counter PC: each person lists only the drafts they left. */
const cleanups: (() => void)[] = []
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c()
})

function as(app: SijillApp, actor: Actor): ApiClient {
  const ctx = { actor, transport: 'http' as const, auth: 'active' as const }
  return createApiClient({ kind: 'http', call: (m, i) => app.router.call(ctx, m, i) })
}

it('a clerk lists only their own drafts, never the previous person’s', async () => {
  const { dir, cleanup } = tempDir()
  const app = openTestDesk(dir)
  cleanups.push(cleanup, () => app.close())
  await app.direct().call('setup.complete', VALID_SETUP)
  const amina = as(app, { id: 'user:amina', name: 'Amina', roles: ['clerk'] })
  const youssef = as(app, { id: 'user:youssef', name: 'Youssef', roles: ['clerk'] })
  const kept = await amina.call('drafts.save', { label: 'سعاد أمزيان', data: { cin: 'JE555001' } })
  expect((await amina.call('drafts.list', {})).map((d) => d.id)).toEqual([kept.id])
  expect(await youssef.call('drafts.list', {})).toEqual([])
  // Nor can anyone else open, overwrite or delete it by its id.
  const notFound = { data: { code: 'not_found', key: 'errors.draft_not_found' } }
  await expect(youssef.call('drafts.get', { id: kept.id })).rejects.toMatchObject(notFound)
  await expect(
    youssef.call('drafts.save', { id: kept.id, label: 'x', data: {} }),
  ).rejects.toMatchObject(notFound)
  await youssef.call('drafts.delete', { id: kept.id })
  expect((await amina.call('drafts.get', { id: kept.id })).data).toEqual({ cin: 'JE555001' })
})
