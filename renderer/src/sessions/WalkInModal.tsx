import { Button, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorDataOf, type AppErrorData, type FieldError } from '@shared/errors'
import { formatMoroccanPhone, parseMoroccanPhone } from '@shared/validation/phone'
import { api } from '../api/transport'
import { useDesk } from '../app/desk-context'
import { chamberRegionFirst, nameIn, useReference } from '../app/reference'
import { ErrorAlert } from '../components/ErrorAlert'
import { ChoiceSelect } from '../components/ChoiceSelect'

/**
 * A walk-in at the door: name, CIN, phone, activity, commune — enough to identify them and
 * count them as present. If the CIN is already in the register, their file is linked
 * instead and nothing is created; the organiser is told which happened.
 */
interface Values {
  firstNameAr: string
  lastNameAr: string
  firstNameLat: string
  lastNameLat: string
  cin: string
  phone: string
  mainActivity: string
  communeCode: string
}
const EMPTY: Values = {
  firstNameAr: '',
  lastNameAr: '',
  firstNameLat: '',
  lastNameLat: '',
  cin: '',
  phone: '',
  mainActivity: '',
  communeCode: '',
}

export function WalkInModal({
  sessionId,
  defaultCommune,
  onClose,
  onDone,
}: {
  sessionId: string
  defaultCommune: string | null
  onClose: () => void
  onDone: (r: { linkedExisting: boolean; name: string }) => void
}) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const ref = useReference()
  const region = useDesk().profile.chamber.regionCode
  const [v, setV] = useState<Values>({ ...EMPTY, communeCode: defaultCommune ?? '' })
  const [fields, setFields] = useState<FieldError[]>([])
  const [failure, setFailure] = useState<AppErrorData | null>(null)
  const [saving, setSaving] = useState(false)
  const set = (k: keyof Values, value: string) => {
    setV((old) => ({ ...old, [k]: value }))
    setFields((f) => f.filter((e) => !e.path.endsWith(k)))
  }
  const error = (k: keyof Values) => {
    const e = fields.find((f) => f.path === `identification.${k}` || f.path === k)
    return e ? t(e.key, e.params) : undefined
  }
  const input = (k: keyof Values, extra: Record<string, unknown> = {}) => ({
    value: v[k],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => set(k, e.currentTarget.value),
    error: error(k),
    ...extra,
  })
  const communes = useMemo(
    () =>
      chamberRegionFirst(
        ref?.communes ?? [],
        (c) => ref?.province.get(c.provinceCode)?.regionCode,
        region,
      ).map((c) => ({ value: c.code, label: nameIn(lang, c) })),
    [ref, lang, region],
  )
  const activities = useMemo(
    () => (ref?.activities ?? []).map((a) => ({ value: a.code, label: nameIn(lang, a) })),
    [ref, lang],
  )

  const save = async () => {
    setSaving(true)
    setFailure(null)
    try {
      const r = await api.call('sessions.walkIn', {
        sessionId,
        identification: {
          ...v,
          communeCode: v.communeCode || undefined,
          mainActivity: v.mainActivity || undefined,
        },
      })
      const name =
        [v.firstNameAr, v.lastNameAr].join(' ').trim() ||
        [v.firstNameLat, v.lastNameLat].join(' ').trim()
      onDone({ linkedExisting: r.linkedExisting, name })
    } catch (e) {
      const data = errorDataOf(e)
      setFields(data.fields ?? [])
      if (!data.fields?.length) setFailure(data)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal opened onClose={onClose} size="lg" title={t('sessions.checkIn.walkInTitle')}>
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <TextInput
            label={t('register.firstNameAr')}
            lang="ar"
            classNames={{ input: 'rtl-input' }}
            data-autofocus
            {...input('firstNameAr')}
          />
          <TextInput
            label={t('register.lastNameAr')}
            lang="ar"
            classNames={{ input: 'rtl-input' }}
            {...input('lastNameAr')}
          />
          <TextInput
            label={t('register.firstNameLat')}
            classNames={{ input: 'auto-input' }}
            {...input('firstNameLat')}
          />
          <TextInput
            label={t('register.lastNameLat')}
            classNames={{ input: 'auto-input' }}
            {...input('lastNameLat')}
          />
          <TextInput
            label={t('artisan.cin')}
            classNames={{ input: 'ltr-number' }}
            {...input('cin')}
          />
          <TextInput
            label={t('artisan.phones')}
            classNames={{ input: 'ltr-number' }}
            {...input('phone')}
            onBlur={() => {
              const p = parseMoroccanPhone(v.phone)
              if (p) set('phone', formatMoroccanPhone(p))
            }}
          />
          <ChoiceSelect
            label={t('artisan.mainActivity')}
            searchable
            clearable
            data={activities}
            value={v.mainActivity || null}
            onChange={(x) => set('mainActivity', x ?? '')}
            error={error('mainActivity')}
            comboboxProps={{ withinPortal: true }}
          />
          <ChoiceSelect
            label={t('register.commune')}
            searchable
            clearable
            data={communes}
            value={v.communeCode || null}
            onChange={(x) => set('communeCode', x ?? '')}
            error={error('communeCode')}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        {failure && <ErrorAlert error={failure} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={saving}>
            {t('sessions.checkIn.walkInSave')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
