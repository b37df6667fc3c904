import { Anchor, Button, Group, Loader, Stack, Text, Title } from '@mantine/core'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import type { Caravan } from '@shared/sessions/caravan'
import { useDesk } from '../app/desk-context'
import { api } from '../api/transport'
import { hrefOf } from '../app/sections'
import { navigate } from '../app/useRoute'
import { ErrorAlert } from '../components/ErrorAlert'
import { OutcomesCard } from './OutcomesCard'
import { SessionFormModal } from './SessionFormModal'
import { SessionTable } from './SessionTable'

/** A caravan: its stops in order (each a session), adding a stop, and the totals of all. */
export function CaravanPage({ id }: { id: string }) {
  const { t } = useTranslation()
  const { allows } = useDesk()
  const [caravan, setCaravan] = useState<Caravan | null>(null)
  const [error, setError] = useState<AppErrorData | null>(null)
  const [adding, setAdding] = useState(false)
  const load = useCallback(() => {
    api.call('caravans.get', { id }).then(setCaravan, (e: unknown) => setError(errorDataOf(e)))
  }, [id])
  useEffect(load, [load])

  if (error) return <ErrorAlert error={error} onRetry={load} />
  if (!caravan) return <Loader />
  return (
    <Stack gap="md">
      <Anchor href={hrefOf.section('sessions')} size="sm">
        {t('sessions.back')}
      </Anchor>
      <Group justify="space-between">
        <Stack gap={2}>
          <Title order={2}>{caravan.title}</Title>
          <Text c="dimmed">{t('sessions.caravan.stopCount', { count: caravan.stops })}</Text>
        </Stack>
        {allows('sessions.plan') && (
          <Button onClick={() => setAdding(true)}>{t('sessions.caravan.addStop')}</Button>
        )}
      </Group>
      <SessionTable sessions={caravan.stopList} empty={t('sessions.caravan.noStops')} />
      <Title order={3} size="h4">
        {t('sessions.caravan.totals')}
      </Title>
      <OutcomesCard outcomes={caravan.outcomes} />
      {adding && (
        <SessionFormModal
          existing={null}
          caravanId={caravan.id}
          onClose={() => setAdding(false)}
          onSaved={(s) => {
            setAdding(false)
            navigate(hrefOf.session(s.id))
          }}
        />
      )}
    </Stack>
  )
}
