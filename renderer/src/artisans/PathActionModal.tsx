import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PARTNER_BANKS } from '@shared/artisans/enums'
import type { PathAction } from '@shared/artisans/path-action'
import { localTodayIso } from '@shared/text/dates'
import { errorDataOf, type AppErrorData, type FieldError } from '@shared/errors'
import { api } from '../api/transport'
import { ChoiceSelect } from '../components/ChoiceSelect'
import { DateField } from '../components/DateField'
import { ErrorAlert } from '../components/ErrorAlert'

/** Records one path step with its date and evidence (NIA, reason, CNSS number, bank). */
export function PathActionModal({
  step,
  artisanId,
  version,
  onClose,
  onDone,
}: {
  step: PathAction['step']
  artisanId: string
  version: number
  onClose: () => void
  onDone: () => void
}) {
  const { t } = useTranslation()
  const [happenedOn, setHappenedOn] = useState(localTodayIso())
  const [nia, setNia] = useState('')
  const [reason, setReason] = useState('')
  const [cnssNumber, setCnssNumber] = useState('')
  const [scheme, setScheme] = useState('')
  const [bank, setBank] = useState<string | null>(null)
  const [fields, setFields] = useState<FieldError[]>([])
  const [failure, setFailure] = useState<AppErrorData | null>(null)
  const [saving, setSaving] = useState(false)
  const fieldError = (name: string) => {
    const f = fields.find((e) => e.path === `action.${name}`)
    return f ? t(f.key, f.params) : undefined
  }

  const action = (): Record<string, unknown> => {
    const base = { step, happenedOn }
    switch (step) {
      case 'rna_registered':
        return { ...base, nia }
      case 'rna_rejected':
        return { ...base, reason }
      case 'cnss_pre_registered':
        return { ...base, cnssNumber }
      case 'other_cover':
        return { ...base, scheme }
      case 'bank_referred':
      case 'bank_opened':
        return { ...base, bank: bank ?? '' }
      default:
        return base
    }
  }

  const save = async () => {
    setSaving(true)
    setFailure(null)
    try {
      await api.call('artisans.recordStep', {
        artisanId,
        expectedVersion: version,
        action: action() as PathAction,
      })
      onDone()
    } catch (e) {
      const data = errorDataOf(e)
      setFields(data.fields ?? [])
      if (!data.fields?.length) setFailure(data)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal opened onClose={onClose} title={t(`enums.step.${step}`)} centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <Stack gap="sm">
          <DateField
            label={t('path.happenedOn')}
            value={happenedOn}
            onChange={setHappenedOn}
            max={localTodayIso()}
            error={fieldError('happenedOn')}
            required
            data-autofocus
          />
          {step === 'rna_registered' && (
            <TextInput
              label={t('path.nia')}
              description={t('path.niaHint')}
              value={nia}
              onChange={(e) => setNia(e.currentTarget.value)}
              error={fieldError('nia')}
              classNames={{ input: 'ltr-number' }}
              required
            />
          )}
          {step === 'rna_rejected' && (
            <TextInput
              label={t('path.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={fieldError('reason')}
              required
            />
          )}
          {step === 'cnss_pre_registered' && (
            <TextInput
              label={t('path.cnssNumber')}
              value={cnssNumber}
              onChange={(e) => setCnssNumber(e.currentTarget.value)}
              error={fieldError('cnssNumber')}
              classNames={{ input: 'ltr-number' }}
            />
          )}
          {step === 'other_cover' && (
            <TextInput
              label={t('path.scheme')}
              value={scheme}
              onChange={(e) => setScheme(e.currentTarget.value)}
              error={fieldError('scheme')}
              required
            />
          )}
          {(step === 'bank_referred' || step === 'bank_opened') && (
            <ChoiceSelect
              label={t('path.bank')}
              data={PARTNER_BANKS.map((b) => ({ value: b, label: t(`enums.bank.${b}`) }))}
              value={bank}
              onChange={setBank}
              error={fieldError('bank')}
              required
            />
          )}
          {failure && <ErrorAlert error={failure} />}
          {fields.length > 0 && !fields.some((f) => f.path.startsWith('action.')) && (
            <Alert color="red">{t('errors.validation')}</Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('path.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('path.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
