import {
  MultiSelect,
  type ComboboxItem,
  type ComboboxParsedItem,
  type MultiSelectProps,
  type OptionsFilter,
} from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { labelMatches } from './choice-filter'

const isItem = (x: ComboboxParsedItem): x is ComboboxItem => 'value' in x

/** Every typed word found in the label, without case, accents or Arabic letter variants. */
export const foldedFilter: OptionsFilter = ({ options, search }) =>
  options
    .map((x) =>
      isItem(x) ? x : { ...x, items: x.items.filter((i) => labelMatches(i.label, search)) },
    )
    .filter((x) => (isItem(x) ? labelMatches(x.label, search) : x.items.length > 0))

/**
 * A list of several choices that behaves like `ChoiceSelect`: typing filters (Arabic and
 * Latin, without accents), Enter adds the highlighted option and never submits the form.
 */
export function ChoiceMultiSelect(props: MultiSelectProps) {
  const { t } = useTranslation()
  return (
    <MultiSelect
      searchable
      selectFirstOptionOnChange
      nothingFoundMessage={t('choice.nothingFound')}
      comboboxProps={{ withinPortal: true }}
      {...props}
      filter={foldedFilter}
      onKeyDown={(e) => {
        props.onKeyDown?.(e)
        if (e.key === 'Enter' || e.key === 'NumpadEnter') {
          e.preventDefault()
          e.stopPropagation()
        }
      }}
    />
  )
}
