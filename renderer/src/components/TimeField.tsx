import { TextInput, type MantineSize } from '@mantine/core'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { isTime24, parseTime24 } from '@shared/text/dates'

/**
 * A time of day, 24-hour in every language (`14:30`, never `02:30 PM`): typed `930`,
 * `9:30`, `9h30` or `9.30`, rewritten `HH:MM` on blur. Like the date field, a readable text
 * is passed up as `HH:MM`, an unreadable one as typed so that the form refuses it.
 */
export interface TimeFieldProps {
  label: ReactNode
  value: string
  onChange: (value: string) => void
  onBlur?: () => void
  error?: ReactNode
  required?: boolean
  disabled?: boolean
  size?: MantineSize
  w?: number | string
  name?: string
  'data-testid'?: string
}

export function TimeField(props: TimeFieldProps) {
  const { t } = useTranslation()
  const { value, onChange } = props
  const [text, setText] = useState(value)
  const [left, setLeft] = useState(false)
  const emitted = useRef(value)

  useEffect(() => {
    if (value !== emitted.current) {
      emitted.current = value
      setText(value)
    }
  }, [value])

  const parsed = parseTime24(text)
  const accept = (typed: string) => {
    setText(typed)
    const next = typed.trim() ? (parseTime24(typed) ?? typed.trim()) : ''
    emitted.current = next
    if (next !== value) onChange(next)
  }
  const tidy = () => {
    setLeft(true)
    if (parsed && isTime24(parsed)) setText(parsed)
  }
  const own = left && text.trim() && !parsed ? t('timeField.invalid') : undefined

  return (
    <TextInput
      label={props.label}
      required={props.required}
      disabled={props.disabled}
      size={props.size}
      w={props.w}
      name={props.name}
      data-testid={props['data-testid']}
      data-time-field=""
      dir="ltr"
      inputMode="numeric"
      autoComplete="off"
      placeholder={t('timeField.placeholder')}
      value={text}
      onChange={(e) => accept(e.currentTarget.value)}
      onBlur={() => {
        tidy()
        props.onBlur?.()
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') tidy()
      }}
      error={own ?? props.error}
      classNames={{ input: 'ltr-number' }}
    />
  )
}
