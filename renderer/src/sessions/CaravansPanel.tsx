import { Button, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorDataOf, type AppErrorData } from '@shared/errors'
import type { CaravanSummary } from '@shared/sessions/caravan'
import { useDesk } from '../app/desk-context'
import { api } from '../api/transport'
import { hrefOf } from '../app/sections'
import { navigate } from '../app/useRoute'
import { ErrorAlert } from '../components/ErrorAlert'
import { dayText } from './session-display'

/** Caravans: their stops, days and people; a new caravan gets a title, then its stops. */
export function CaravansPanel() {
  const { t, i18n } = useTranslation()
  const { allows } = useDesk()
  const [caravans, setCaravans] = useState<CaravanSummary[]>([])
  const [title, setTitle] = useState('')
  const [error, setError] = useState<AppErrorData | null>(null)
  const load = useCallback(() => {
    api.call('caravans.list', {}).then(setCaravans, (e: unknown) => setError(errorDataOf(e)))
  }, [])
  useEffect(load, [load])

  const create = async () => {
    setError(null)
    try {
      const c = await api.call('caravans.create', { title })
      navigate(hrefOf.caravan(c.id))
    } catch (e) {
      setError(errorDataOf(e))
    }
  }
  const days = (c: CaravanSummary) =>
    c.firstDay && c.lastDay
      ? c.firstDay === c.lastDay
        ? dayText(c.firstDay, i18n.language, false)
        : `${dayText(c.firstDay, i18n.language, false)} – ${dayText(c.lastDay, i18n.language, false)}`
      : t('common.none')

  return (
    <Stack gap="md">
      {allows('caravans.create') && (
        <Group align="flex-end">
          <TextInput
            label={t('sessions.caravan.newTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            classNames={{ input: 'auto-input' }}
            w={360}
          />
          <Button onClick={() => void create()} disabled={title.trim().length < 3}>
            {t('sessions.caravan.create')}
          </Button>
        </Group>
      )}
      {error && <ErrorAlert error={error} />}
      {caravans.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('sessions.caravan.none')}
        </Text>
      ) : (
        <Paper withBorder>
          <Table highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sessions.caravan.title')}</Table.Th>
                <Table.Th>{t('sessions.caravan.days')}</Table.Th>
                <Table.Th>{t('sessions.caravan.stops')}</Table.Th>
                <Table.Th>{t('sessions.col.people')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {caravans.map((c) => (
                <Table.Tr
                  key={c.id}
                  style={{ cursor: 'pointer' }}
                  onClick={() => navigate(hrefOf.caravan(c.id))}
                  data-testid="caravan-row"
                >
                  <Table.Td fw={600}>{c.title}</Table.Td>
                  <Table.Td>{days(c)}</Table.Td>
                  <Table.Td>{t('sessions.caravan.stopCount', { count: c.stops })}</Table.Td>
                  <Table.Td>
                    {t('sessions.invitedCount', { count: c.invited })} ·{' '}
                    {t('sessions.attendedCount', { count: c.attended })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  )
}
