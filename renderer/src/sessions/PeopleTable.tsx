import { Badge, Button, Paper, Table } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Invitee } from '@shared/sessions/attendance'
import { useReference } from '../app/reference'
import { hrefOf } from '../app/sections'
import { summaryLines, TwoLines } from '../artisans/SummaryLines'

/**
 * A session's people as rows: names, CIN and phone, commune and activity, whether they
 * were invited and when they came; an optional action per row (check in, undo, remove).
 * `selected` highlights the row the keyboard would act on (the door's search).
 */
export function PeopleTable({
  people,
  action,
  testId = 'person-row',
  id,
  selected,
}: {
  people: Invitee[]
  action?: (p: Invitee) => { label: string; onClick: () => void; color?: string } | null
  testId?: string
  id?: string
  selected?: number | undefined
}) {
  const { t, i18n } = useTranslation()
  const ref = useReference()
  return (
    <Paper withBorder>
      <Table verticalSpacing={6} id={id}>
        <Table.Tbody>
          {people.map((p, i) => {
            const lines = summaryLines(p, i18n.language, ref)
            const a = action?.(p)
            const chosen = selected === undefined ? undefined : i === selected
            return (
              <Table.Tr
                key={p.id}
                data-testid={testId}
                aria-selected={chosen}
                bg={chosen ? 'var(--mantine-color-teal-light)' : undefined}
              >
                <Table.Td>
                  <a href={hrefOf.artisan(p.id)} className="plain-link">
                    <TwoLines {...lines.names} strong />
                  </a>
                </Table.Td>
                <Table.Td>
                  <TwoLines {...lines.ids} />
                </Table.Td>
                <Table.Td>
                  <TwoLines {...lines.place} />
                </Table.Td>
                <Table.Td>
                  {p.checkedInAt ? (
                    <Badge color="teal" variant="light">
                      {t(p.walkIn ? 'sessions.people.walkInAt' : 'sessions.people.presentAt', {
                        time: new Date(p.checkedInAt).toTimeString().slice(0, 5),
                      })}
                    </Badge>
                  ) : p.invited ? (
                    <Badge color="blue" variant="light">
                      {t('sessions.people.invited')}
                    </Badge>
                  ) : (
                    <Badge color="gray" variant="light">
                      {t('sessions.people.notInvited')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td ta="end">
                  {a && (
                    <Button size="xs" variant="light" color={a.color} onClick={a.onClick}>
                      {a.label}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}
