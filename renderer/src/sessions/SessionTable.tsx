import { Badge, Paper, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Session } from '@shared/sessions/session'
import { nameIn, useReference } from '../app/reference'
import { hrefOf } from '../app/sections'
import { navigate } from '../app/useRoute'
import { Ltr } from '../components/Ltr'
import { dayText, hours, STATUS_COLORS } from './session-display'

/** Sessions as rows: day and hours, title and kind, place, counts, status; a row opens it. */
export function SessionTable({ sessions, empty }: { sessions: Session[]; empty: string }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const ref = useReference()
  if (sessions.length === 0)
    return (
      <Text c="dimmed" size="sm" data-testid="sessions-empty">
        {empty}
      </Text>
    )
  return (
    <Paper withBorder>
      <Table highlightOnHover verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('sessions.col.when')}</Table.Th>
            <Table.Th>{t('sessions.col.session')}</Table.Th>
            <Table.Th>{t('sessions.col.place')}</Table.Th>
            <Table.Th>{t('sessions.col.people')}</Table.Th>
            <Table.Th>{t('sessions.col.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((s) => (
            <Table.Tr
              key={s.id}
              data-testid="session-row"
              style={{ cursor: 'pointer' }}
              onClick={() => navigate(hrefOf.session(s.id))}
            >
              <Table.Td>
                <Text size="sm">{dayText(s.startsAt, lang)}</Text>
                <Text size="xs" c="dimmed">
                  <Ltr>{hours(s)}</Ltr>
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600} component="a" href={hrefOf.session(s.id)}>
                  {s.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`sessions.kind.${s.kind}`)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{nameIn(lang, ref?.commune.get(s.communeCode ?? ''))}</Text>
                <Text size="xs" c="dimmed">
                  {s.venue}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t('sessions.invitedCount', { count: s.invited })}</Text>
                <Text size="xs" c="dimmed">
                  {t('sessions.attendedCount', { count: s.attended })}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLORS[s.status]} variant="light">
                  {t(`sessions.status.${s.status}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}
