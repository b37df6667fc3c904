import { Badge, Button, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuditRow } from '@shared/api/methods/audit'
import { Ltr } from '../components/Ltr'
import { actionLabel } from './action-label'

/**
 * One audit row: when, who, what, about what; opened, its before and after side by side,
 * field by field, the fields that changed highlighted. Codes, dates and numbers are set
 * left to right inside the Arabic screen; Arabic text keeps its own direction.
 */
const ARABIC = /[\u0600-\u06FF]/

function Value({ value }: { value: unknown }) {
  if (value === undefined || value === null || value === '') return <Text c="dimmed">—</Text>
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return ARABIC.test(text) ? (
    <bdi style={{ overflowWrap: 'anywhere' }}>{text}</bdi>
  ) : (
    <span style={{ overflowWrap: 'anywhere' }}>
      <Ltr>{text}</Ltr>
    </span>
  )
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function Detail({ row }: { row: AuditRow }) {
  const { t } = useTranslation()
  const was = isObject(row.before) ? row.before : null
  const now = isObject(row.after) ? row.after : null
  if (row.before === null && row.after === null) return <Text size="sm">{t('audit.noDetail')}</Text>
  const fields =
    was || now ? [...new Set([...Object.keys(was ?? {}), ...Object.keys(now ?? {})])] : null
  return (
    <Table withTableBorder layout="fixed" fz="sm" data-testid="audit-detail">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="24%">{t('audit.field')}</Table.Th>
          <Table.Th>{t('audit.before')}</Table.Th>
          <Table.Th>{t('audit.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {fields ? (
          fields.map((f) => {
            const changed = row.changed.includes(f)
            return (
              <Table.Tr
                key={f}
                data-changed={changed || undefined}
                bg={changed ? 'var(--mantine-color-yellow-light)' : undefined}
              >
                <Table.Td fw={changed ? 600 : undefined}>
                  <Ltr>{f}</Ltr>
                </Table.Td>
                <Table.Td>
                  <Value value={was?.[f]} />
                </Table.Td>
                <Table.Td>
                  <Value value={now?.[f]} />
                </Table.Td>
              </Table.Tr>
            )
          })
        ) : (
          <Table.Tr data-changed bg="var(--mantine-color-yellow-light)">
            <Table.Td>—</Table.Td>
            <Table.Td>
              <Value value={row.before} />
            </Table.Td>
            <Table.Td>
              <Value value={row.after} />
            </Table.Td>
          </Table.Tr>
        )}
      </Table.Tbody>
    </Table>
  )
}

export function AuditEntry({ row }: { row: AuditRow }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <>
      <Table.Tr data-testid="audit-row" data-seq={row.seq}>
        <Table.Td>
          <Ltr>{row.at.slice(0, 19).replace('T', ' ')}</Ltr>
        </Table.Td>
        <Table.Td>
          <bdi>{row.actorName || row.actorId}</bdi>
        </Table.Td>
        <Table.Td>{actionLabel(t, row.action)}</Table.Td>
        <Table.Td>
          <Text size="xs" c="dimmed" component="span">
            <Ltr>
              {row.entityType} · {row.entityId}
            </Ltr>
          </Text>
        </Table.Td>
        <Table.Td>
          <Button
            variant="subtle"
            size="compact-xs"
            onClick={() => setOpen(!open)}
            aria-expanded={open}
            rightSection={
              row.changed.length > 0 ? (
                <Badge size="xs" variant="light">
                  {t('audit.changed', { count: row.changed.length })}
                </Badge>
              ) : undefined
            }
          >
            {t('audit.showDetail')}
          </Button>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={5}>
            <Detail row={row} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  )
}
