import {
  Checkbox,
  Fieldset,
  Input,
  NumberInput,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import {
  ACTOR_TYPES,
  ORGANISATION_TYPES,
  PRACTICES,
  QUALIFICATIONS,
  SEXES,
  type ActorType,
} from '@shared/artisans/enums'
import type { FieldError } from '@shared/errors'
import { localTodayIso } from '@shared/text/dates'
import { nameIn, type Reference } from '../app/reference'
import { ChoiceMultiSelect } from '../components/ChoiceMultiSelect'
import { ChoiceSelect } from '../components/ChoiceSelect'
import { DateField } from '../components/DateField'
import type { RegisterForm, RegisterValues } from './useRegisterForm'

/** The registration form's sections, in the order of the CIN card and the RNA file. */
export function RegisterFields({
  form,
  reference,
}: {
  form: RegisterForm
  reference: Reference | null
}) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const { values, set, blur } = form
  const message = (e: FieldError | undefined) => (e ? t(e.key, e.params) : undefined)
  const text = (name: keyof RegisterValues & string, extra: { className?: string } = {}) => ({
    name,
    value: String(values[name] ?? ''),
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      set(name, e.currentTarget.value as never),
    onBlur: () => blur(name),
    error: message(form.errorFor(name)),
    classNames: extra.className ? { input: extra.className } : undefined,
  })
  const choice = (
    name: keyof RegisterValues & string,
    data: { value: string; label: string }[],
  ) => ({
    data,
    value: (values[name] as string) || null,
    onChange: (v: string | null) => set(name, (v ?? '') as never),
    onBlur: () => blur(name),
    error: message(form.errorFor(name)),
    placeholder: t('register.choose'),
    comboboxProps: { withinPortal: true },
  })
  const options = <T extends string>(list: readonly T[], prefix: string) =>
    list.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }))

  const provinces = useMemo(
    () =>
      (reference?.provinces ?? [])
        .filter((p) => p.regionCode === values.regionCode)
        .map((p) => ({ value: p.code, label: nameIn(lang, p) })),
    [reference, values.regionCode, lang],
  )
  const communes = useMemo(
    () =>
      (reference?.communes ?? [])
        .filter((c) => c.provinceCode === values.provinceCode)
        .map((c) => ({ value: c.code, label: nameIn(lang, c) })),
    [reference, values.provinceCode, lang],
  )
  const activities = useMemo(() => {
    const groups = new Map<string, { value: string; label: string }[]>()
    for (const a of reference?.activities ?? []) {
      const group = lang === 'ar' ? a.branchAr : a.branchFr
      groups.set(group, [...(groups.get(group) ?? []), { value: a.code, label: nameIn(lang, a) }])
    }
    return [...groups].map(([group, items]) => ({ group, items }))
  }, [reference, lang])
  const isOrganisation = ORGANISATION_TYPES.includes(values.actorType as ActorType)

  return (
    <Stack gap="lg">
      <Fieldset legend={t('register.sectionIdentity')}>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <TextInput
            label={t('artisan.cin')}
            required
            {...text('cin', { className: 'ltr-number' })}
            data-autofocus
          />
          <ChoiceSelect
            label={t('register.sex')}
            required
            {...choice('sex', options(SEXES, 'enums.sex'))}
          />
          <TextInput
            label={t('register.firstNameAr')}
            required
            lang="ar"
            {...text('firstNameAr', { className: 'rtl-input' })}
          />
          <TextInput
            label={t('register.lastNameAr')}
            required
            lang="ar"
            {...text('lastNameAr', { className: 'rtl-input' })}
          />
          <TextInput
            label={t('register.firstNameLat')}
            required
            lang="fr"
            {...text('firstNameLat', { className: 'ltr-input' })}
          />
          <TextInput
            label={t('register.lastNameLat')}
            required
            lang="fr"
            {...text('lastNameLat', { className: 'ltr-input' })}
          />
          <DateField
            label={t('register.birthDate')}
            required
            name="birthDate"
            pivot="past"
            max={localTodayIso()}
            value={values.birthDate}
            onChange={(v) => set('birthDate', v)}
            onBlur={() => blur('birthDate')}
            error={message(form.errorFor('birthDate'))}
          />
          <TextInput
            label={t('register.birthPlace')}
            {...text('birthPlace', { className: 'auto-input' })}
          />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('register.sectionContact')}>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <TextInput
            label={t('chamber.phone')}
            type="tel"
            required
            {...text('phone', { className: 'ltr-number' })}
          />
          <TextInput
            label={t('register.phone2')}
            type="tel"
            {...text('phone2', { className: 'ltr-number' })}
          />
          <ChoiceSelect
            label={t('chamber.region')}
            required
            searchable
            {...choice(
              'regionCode',
              (reference?.regions ?? []).map((r) => ({ value: r.code, label: nameIn(lang, r) })),
            )}
            onChange={(v) => {
              set('regionCode', v ?? '')
              set('provinceCode', '')
              set('communeCode', '')
            }}
          />
          <ChoiceSelect
            label={t('register.province')}
            required
            searchable
            {...choice('provinceCode', provinces)}
            onChange={(v) => {
              set('provinceCode', v ?? '')
              set('communeCode', '')
            }}
          />
          <ChoiceSelect
            label={t('register.commune')}
            required
            searchable
            {...choice('communeCode', communes)}
          />
          <TextInput
            label={t('artisan.address')}
            required
            {...text('address', { className: 'auto-input' })}
          />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('register.sectionCraft')}>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <ChoiceSelect
            label={t('artisan.actorType')}
            required
            {...choice('actorType', options(ACTOR_TYPES, 'enums.actorType'))}
          />
          <ChoiceSelect
            label={t('artisan.practice')}
            required
            {...choice('practice', options(PRACTICES, 'enums.practice'))}
          />
          {isOrganisation && (
            <TextInput
              label={t('register.organisationName')}
              required
              {...text('organisationName', { className: 'auto-input' })}
            />
          )}
          {isOrganisation && (
            <TextInput
              label={t('register.organisationLegalId')}
              required
              {...text('organisationLegalId', { className: 'ltr-number' })}
            />
          )}
          <ChoiceSelect
            label={t('artisan.mainActivity')}
            required
            searchable
            {...choice('mainActivity', [])}
            data={activities}
          />
          <ChoiceMultiSelect
            label={t('artisan.secondaryActivities')}
            data={activities}
            searchable
            maxValues={3}
            value={values.secondaryActivities}
            onChange={(v) => set('secondaryActivities', v)}
            error={message(form.errorFor('secondaryActivities'))}
          />
          <TextInput
            label={t('register.workplaceAddress')}
            {...text('workplaceAddress', { className: 'auto-input' })}
          />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('register.sectionQualification')}>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <ChoiceSelect
            label={t('artisan.qualification')}
            required
            {...choice('qualification', options(QUALIFICATIONS, 'enums.qualification'))}
          />
          <NumberInput
            label={t('register.practiceYears')}
            min={0}
            max={85}
            allowDecimal={false}
            value={values.practiceYears ?? ''}
            onChange={(v) => set('practiceYears', typeof v === 'number' ? v : null)}
            onBlur={() => blur('practiceYears')}
            error={message(form.errorFor('practiceYears'))}
            classNames={{ input: 'ltr-number' }}
          />
          <TextInput
            label={t('register.qualificationDetail')}
            {...text('qualificationDetail', { className: 'auto-input' })}
          />
        </SimpleGrid>
        <Input.Wrapper
          label={t('register.evidenceTitle')}
          mt="md"
          error={message(form.errorAt('evidence', 'evidence'))}
        >
          <Stack gap={6} mt={6}>
            {(['cinCopy', 'diploma', 'practiceAttestation', 'masterAttestation'] as const).map(
              (k) => (
                <Checkbox
                  key={k}
                  label={t(`register.evidence.${k}`)}
                  checked={values[k]}
                  onChange={(e) => set(k, e.currentTarget.checked)}
                  error={message(form.errorFor(k))}
                />
              ),
            )}
          </Stack>
        </Input.Wrapper>
      </Fieldset>

      <Fieldset legend={t('register.sectionConsent')}>
        <Stack gap="sm">
          <Checkbox
            label={t('register.consent')}
            checked={values.consent}
            onChange={(e) => set('consent', e.currentTarget.checked)}
            error={message(form.errorFor('consent'))}
          />
          <Textarea
            label={t('register.notes')}
            autosize
            minRows={2}
            {...text('notes', { className: 'auto-input' })}
          />
        </Stack>
      </Fieldset>
    </Stack>
  )
}
