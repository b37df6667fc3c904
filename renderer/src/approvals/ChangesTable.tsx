import { Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ApprovalView } from '@shared/approvals/approval'
import { Ltr } from '../components/Ltr'
import { FIELD_LABELS } from '../sync/field-labels'

/**
 * The fields a request changes, before → after, for the supervisor to check. Codes,
 * dates and CINs read left-to-right; Arabic names keep their own direction.
 */
const ENUM_FIELDS = new Set(['sex', 'actorType', 'practice', 'qualification'])
const LABELS: Record<string, string> = { ...FIELD_LABELS, evidence: 'register.evidenceTitle' }

function Value({ field, value }: { field: string; value: unknown }) {
  const { t } = useTranslation()
  if (value === null || value === undefined || value === '' || value === false)
    return (
      <Text span c="dimmed">
        {t('common.none')}
      </Text>
    )
  if (value === true) return <>{t('common.yes')}</>
  if (ENUM_FIELDS.has(field) && typeof value === 'string')
    return <>{t(`enums.${field}.${value}`, { defaultValue: value })}</>
  if (Array.isArray(value)) return <Ltr>{value.map(String).join(', ')}</Ltr>
  if (typeof value === 'object') {
    const seen = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v === true)
      .map(([k]) => t(`register.evidence.${k}`, { defaultValue: k }))
    return <>{seen.length ? seen.join('، ') : t('common.none')}</>
  }
  const text = String(value)
  return /[\u0600-\u06FF]/.test(text) ? <bdi>{text}</bdi> : <Ltr>{text}</Ltr>
}

export function ChangesTable({ changes }: { changes: ApprovalView['changes'] }) {
  const { t } = useTranslation()
  if (!changes.length) return null
  return (
    <Table withTableBorder data-testid="approval-changes">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('sync.field')}</Table.Th>
          <Table.Th>{t('approvals.before')}</Table.Th>
          <Table.Th>{t('approvals.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((c) => (
          <Table.Tr key={c.field}>
            <Table.Td>{t(LABELS[c.field] ?? c.field)}</Table.Td>
            <Table.Td>
              <Value field={c.field} value={c.before} />
            </Table.Td>
            <Table.Td>
              <Value field={c.field} value={c.after} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
