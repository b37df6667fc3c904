import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { FieldError } from '@shared/errors'
import { PARTNER_KINDS, type Partner } from '@shared/sessions/session'
import { ChoiceSelect } from '../components/ChoiceSelect'

/** The session's partners, one row each: which body, its name, the person to call. */
export function PartnersFields({
  partners,
  onChange,
  errorAt,
}: {
  partners: Partner[]
  onChange: (next: Partner[]) => void
  errorAt: (path: string) => FieldError | undefined
}) {
  const { t } = useTranslation()
  const message = (path: string) => {
    const e = errorAt(path)
    return e ? t(e.key, e.params) : undefined
  }
  const change = (i: number, patch: Partial<Partner>) =>
    onChange(partners.map((p, j) => (j === i ? { ...p, ...patch } : p)))
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('sessions.form.partners')}
      </Text>
      {partners.map((p, i) => (
        <Group key={i} align="flex-start" wrap="nowrap" data-testid="partner-row">
          <ChoiceSelect
            aria-label={t('sessions.form.partnerKind')}
            data={PARTNER_KINDS.map((k) => ({ value: k, label: t(`sessions.partner.${k}`) }))}
            value={p.kind}
            onChange={(v) => v && change(i, { kind: v as Partner['kind'] })}
            w={190}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            aria-label={t('sessions.form.partnerName')}
            placeholder={t('sessions.form.partnerName')}
            value={p.name}
            onChange={(e) => change(i, { name: e.currentTarget.value })}
            error={message(`partners.${i}.name`)}
            classNames={{ input: 'auto-input' }}
            style={{ flex: 1 }}
          />
          <TextInput
            aria-label={t('sessions.form.partnerContact')}
            placeholder={t('sessions.form.partnerContact')}
            value={p.contact}
            onChange={(e) => change(i, { contact: e.currentTarget.value })}
            classNames={{ input: 'auto-input' }}
            style={{ flex: 1 }}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mt={6}
            aria-label={t('sessions.form.removePartner')}
            onClick={() => onChange(partners.filter((_, j) => j !== i))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="light"
        size="xs"
        w="fit-content"
        onClick={() => onChange([...partners, { kind: 'directorate', name: '', contact: '' }])}
      >
        {t('sessions.form.addPartner')}
      </Button>
    </Stack>
  )
}
