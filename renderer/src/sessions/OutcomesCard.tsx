import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Outcomes } from '@shared/sessions/attendance'

/**
 * What a session (or a caravan) achieved: who came, the walk-ins identified, and the steps
 * those who came took within 30 and 90 days — a window not over yet says so.
 */
export function OutcomesCard({ outcomes }: { outcomes: Outcomes }) {
  const { t } = useTranslation()
  const figure = (label: string, value: number, testId: string) => (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId} dir="ltr" ta="start">
        {value}
      </Text>
    </Paper>
  )
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {figure(t('sessions.outcomes.invited'), outcomes.invited, 'outcome-invited')}
        {figure(t('sessions.outcomes.attended'), outcomes.attended, 'outcome-attended')}
        {figure(
          t('sessions.outcomes.invitedAttended'),
          outcomes.invitedAttended,
          'outcome-invited-attended',
        )}
        {figure(t('sessions.outcomes.walkIns'), outcomes.walkIns, 'outcome-walk-ins')}
      </SimpleGrid>
      <Paper withBorder>
        <Title order={3} size="h5" p="sm">
          {t('sessions.outcomes.afterwards')}
        </Title>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sessions.outcomes.window')}</Table.Th>
              <Table.Th>{t('sessions.outcomes.registered')}</Table.Th>
              <Table.Th>{t('sessions.outcomes.cnss')}</Table.Th>
              <Table.Th>{t('sessions.outcomes.amo')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {outcomes.windows.map((w) => (
              <Table.Tr key={w.days} data-testid={`outcome-window-${w.days}`}>
                <Table.Td>
                  <Group gap="xs">
                    {t('sessions.outcomes.days', { count: w.days })}
                    {w.open && (
                      <Badge size="xs" variant="light" color="orange">
                        {t('sessions.outcomes.open')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{w.registered}</Table.Td>
                <Table.Td>{w.cnssPreRegistered}</Table.Td>
                <Table.Td>{w.amoCovered}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  )
}
