import { Fieldset, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { defaultChamberNames, type Region } from '@shared/reference/regions'
import type { FieldError } from '@shared/errors'
import { LogoPicker } from './LogoPicker'
import type { ChamberForm, FieldName } from './useChamberForm'
import { ChoiceSelect } from '../components/ChoiceSelect'

/**
 * The chamber and desk fields, used by first-run setup and by Settings. Choosing a region
 * fills the chamber's usual names unless the clerk already typed their own.
 */
export function ChamberFields({ form, regions }: { form: ChamberForm; regions: Region[] }) {
  const { t, i18n } = useTranslation()
  const { values, set, blur } = form
  const message = (e: FieldError | undefined) => (e ? t(e.key, e.params) : undefined)
  const field = (name: FieldName) => ({
    error: message(form.errorFor(name)),
    onBlur: () => blur(name),
    name,
  })

  const chooseRegion = (code: string | null) => {
    const next = regions.find((r) => r.code === code)
    const previous = regions.find((r) => r.code === values.regionCode)
    set('regionCode', code ?? '')
    if (!next) return
    const oldNames = previous ? defaultChamberNames(previous) : { nameAr: '', nameFr: '' }
    const newNames = defaultChamberNames(next)
    if (!values.nameAr || values.nameAr === oldNames.nameAr) set('nameAr', newNames.nameAr)
    if (!values.nameFr || values.nameFr === oldNames.nameFr) set('nameFr', newNames.nameFr)
  }

  return (
    <Stack gap="lg">
      <Fieldset legend={t('setup.chamberSection')}>
        <Stack gap="sm">
          <ChoiceSelect
            label={t('chamber.region')}
            placeholder={t('chamber.regionPlaceholder')}
            data={regions.map((r) => ({
              value: r.code,
              label: i18n.language === 'ar' ? r.nameAr : r.nameFr,
            }))}
            value={values.regionCode || null}
            onChange={chooseRegion}
            searchable
            required
            data-autofocus
            {...field('regionCode')}
          />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <TextInput
              label={t('chamber.nameAr')}
              value={values.nameAr}
              onChange={(e) => set('nameAr', e.currentTarget.value)}
              classNames={{ input: 'rtl-input' }}
              lang="ar"
              required
              {...field('nameAr')}
            />
            <TextInput
              label={t('chamber.nameFr')}
              value={values.nameFr}
              onChange={(e) => set('nameFr', e.currentTarget.value)}
              classNames={{ input: 'ltr-input' }}
              lang="fr"
              required
              {...field('nameFr')}
            />
          </SimpleGrid>
          <TextInput
            label={t('chamber.address')}
            value={values.address}
            onChange={(e) => set('address', e.currentTarget.value)}
            classNames={{ input: 'auto-input' }}
            required
            {...field('address')}
          />
          <TextInput
            label={t('chamber.phone')}
            description={t('chamber.phoneHint')}
            value={values.phone}
            onChange={(e) => set('phone', e.currentTarget.value)}
            classNames={{ input: 'ltr-number' }}
            type="tel"
            inputMode="tel"
            autoComplete="off"
            required
            {...field('phone')}
          />
          <LogoPicker
            value={values.logo}
            onChange={(logo) => set('logo', logo)}
            error={message(form.errorFor('logo'))}
            chamberName={i18n.language === 'ar' ? values.nameAr : values.nameFr}
          />
        </Stack>
      </Fieldset>
      <Fieldset legend={t('setup.deskSection')}>
        <TextInput
          label={t('chamber.deskName')}
          description={t('chamber.deskNameHint')}
          value={values.deskName}
          onChange={(e) => set('deskName', e.currentTarget.value)}
          classNames={{ input: 'auto-input' }}
          required
          {...field('deskName')}
        />
      </Fieldset>
    </Stack>
  )
}
