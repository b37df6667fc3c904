import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SijillApp } from '../../electron/services/app'
import { verifyAuditChain } from '../../electron/services/audit/audit-log'
import { openTestDesk, tempDir, VALID_SETUP } from '../helpers/temp-desk'
import { testCodes, validRegistration } from '../helpers/registration'

/** Two desks of a chamber: certificates of one verify on the other once its key is added. */
const desks: { app: SijillApp; cleanup: () => void }[] = []
beforeEach(async () => {
  for (let i = 0; i < 2; i++) {
    const { dir, cleanup } = tempDir()
    const app = openTestDesk(dir)
    await app.direct().call('setup.complete', { ...VALID_SETUP, deskName: `Guichet ${i + 1}` })
    desks.push({ app, cleanup })
  }
})
afterEach(() => {
  for (const { app, cleanup } of desks.splice(0)) {
    app.close()
    cleanup()
  }
})

async function certificateOn(app: SijillApp): Promise<string> {
  const { id } = await app.direct().call('artisans.register', validRegistration(testCodes(app.db)))
  await app.direct().call('artisans.recordStep', {
    artisanId: id,
    expectedVersion: 1,
    action: { step: 'rna_registered', happenedOn: '2026-01-10', nia: '0900001234' },
  })
  const printed = await app.direct().call('documents.issue', { artisanId: id, type: 'certificate' })
  const row = app.db
    .prepare('SELECT content_json FROM document WHERE id = ?')
    .pluck()
    .get(printed.id)
  return (JSON.parse(row as string) as { qr: string }).qr
}

describe('public keys of other desks', () => {
  it('verifies another desk’s certificates once its public key is added, and only then', async () => {
    const [here, there] = desks.map((d) => d.app) as [SijillApp, SijillApp]
    const qr = await certificateOn(there)
    expect(await here.direct().call('documents.verify', { text: qr })).toMatchObject({
      status: 'invalid',
      reason: 'unknown_key',
    })
    const [theirs] = await there.direct().call('signing.keys', {})
    const added = await here
      .direct()
      .call('signing.importKey', { publicKey: ` ${theirs?.publicKey} ` })
    expect(added).toEqual({ id: theirs?.id, added: true })
    expect(
      await here.direct().call('signing.importKey', { publicKey: theirs?.publicKey ?? '' }),
    ).toEqual({
      id: theirs?.id,
      added: false,
    })
    expect(await here.direct().call('documents.verify', { text: qr })).toMatchObject({
      status: 'valid',
      nia: '0900001234',
    })
    // Verify-only: this desk still signs with its own key.
    const keys = await here.direct().call('signing.keys', {})
    expect(keys.find((k) => k.id === theirs?.id)).toMatchObject({ canSign: false })
    const ownQr = await certificateOn(here)
    expect(ownQr).not.toContain(theirs?.id)
    expect(verifyAuditChain(here.db).ok).toBe(true)
  })

  it('refuses what is not an Ed25519 public key, and callers without the role', async () => {
    const [here] = desks.map((d) => d.app) as [SijillApp]
    for (const publicKey of ['not a key', 'A'.repeat(42), 'A'.repeat(44), `${'A'.repeat(42)}*`])
      await expect(here.direct().call('signing.importKey', { publicKey })).rejects.toMatchObject({
        data: { key: expect.stringMatching(/^errors\.(public_key_invalid|validation)$/) },
      })
    const clerk = { id: 'user:clerk', name: 'Clerk', roles: ['clerk' as const] }
    const asClerk = await here.router.call(
      { actor: clerk, transport: 'http', auth: 'active' },
      'signing.importKey',
      {
        publicKey: 'x',
      },
    )
    expect(asClerk).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })
})
