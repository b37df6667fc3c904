import { TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { isTime24, parseTime24 } from '@shared/text/dates'
import { typedInputProps, useTypedText, type TypedFieldProps } from './typed-field'

/**
 * A time of day, 24-hour in every language (`14:30`, never `02:30 PM`): typed `930`,
 * `9:30`, `9h30` or `9.30`, rewritten `HH:MM` on blur. Like the date field, a readable text
 * is passed up as `HH:MM`, an unreadable one as typed so that the form refuses it.
 */
export type TimeFieldProps = TypedFieldProps

/** The typed text is the text shown: a time needs no rewriting to be shown. */
const asTyped = (value: string) => value

export function TimeField(props: TimeFieldProps) {
  const { t } = useTranslation()
  const { value, onChange } = props
  const { text, setText, left, setLeft, emit } = useTypedText(value, onChange, asTyped)

  const parsed = parseTime24(text)
  const accept = (typed: string) => {
    setText(typed)
    emit(typed.trim() ? (parseTime24(typed) ?? typed.trim()) : '')
  }
  const tidy = () => {
    setLeft(true)
    if (parsed && isTime24(parsed)) setText(parsed)
  }
  const own = left && text.trim() && !parsed ? t('timeField.invalid') : undefined

  return (
    <TextInput
      {...typedInputProps(props, text, accept, tidy, own)}
      data-time-field=""
      placeholder={t('timeField.placeholder')}
    />
  )
}
