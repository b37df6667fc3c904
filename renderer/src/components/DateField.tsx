import { ActionIcon, Popover, TextInput } from '@mantine/core'
import { DatePicker } from '@mantine/dates'
import { useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ltr } from '@shared/text/bidi'
import {
  formatDay,
  isIsoDay,
  localTodayIso,
  readDayFirst,
  type YearPivot,
} from '@shared/text/dates'
import { calendarLocale } from './calendar-locale'
import { typedInputProps, useTypedText, type TypedFieldProps } from './typed-field'

/**
 * The one date field of the desk (docs/dates.md). Day first in every language, typed with
 * `/`, `-`, `.`, a space or nothing between the parts; a calendar beside it, right to left
 * in Arabic. Never the browser's native date input, whose format follows the browser's
 * locale rather than the desk's.
 *
 * `value` is the ISO day (`1985-03-14`) or ''. While the clerk types, every readable text
 * is passed up as its ISO day; an unreadable one is passed up as typed, so the form's own
 * validation refuses it rather than keeping the previous day. On blur or Enter a readable
 * text is rewritten `dd/mm/yyyy`; an unreadable one stays, with a message under the field.
 */
export interface DateFieldProps extends TypedFieldProps {
  description?: ReactNode
  /** Birth dates read two-digit years in the past (`85` → 1985). */
  pivot?: YearPivot
  /** ISO bounds, inclusive: the calendar greys out the rest and typed days outside are refused. */
  min?: string
  max?: string
  autoFocus?: boolean
  'data-autofocus'?: boolean
}

type Reading =
  | { kind: 'empty' }
  | { kind: 'day'; iso: string }
  | { kind: 'refused'; key: string; params?: Record<string, string> }

function read(text: string, pivot: YearPivot, min?: string, max?: string): Reading {
  if (!text.trim()) return { kind: 'empty' }
  const r = readDayFirst(text, { pivot })
  if (!r.ok) return { kind: 'refused', key: `dateField.${r.reason}` }
  if (min && r.iso < min)
    return { kind: 'refused', key: 'dateField.tooEarly', params: { date: ltr(formatDay(min)) } }
  if (max && r.iso > max)
    return { kind: 'refused', key: 'dateField.tooLate', params: { date: ltr(formatDay(max)) } }
  return { kind: 'day', iso: r.iso }
}

const shown = (value: string) => (isIsoDay(value) ? formatDay(value) : value)

export function DateField(props: DateFieldProps) {
  const { t, i18n } = useTranslation()
  const { value, onChange, pivot = 'nearest', min, max } = props
  const { text, setText, left, setLeft, emit } = useTypedText(value, onChange, shown)
  const [open, setOpen] = useState(false)
  const input = useRef<HTMLInputElement>(null)

  const reading = read(text, pivot, min, max)
  const accept = (typed: string) => {
    setText(typed)
    const r = read(typed, pivot, min, max)
    emit(r.kind === 'day' ? r.iso : r.kind === 'empty' ? '' : typed.trim())
  }
  const tidy = () => {
    setLeft(true)
    if (reading.kind === 'day') setText(formatDay(reading.iso))
    else if (reading.kind === 'empty') setText('')
  }
  const own = left && reading.kind === 'refused' ? t(reading.key, reading.params) : undefined
  const pickerValue = reading.kind === 'day' ? reading.iso : null
  const today = localTodayIso()
  const start = pickerValue ?? (max && max < today ? max : min && min > today ? min : today)

  return (
    <TextInput
      ref={input}
      {...typedInputProps(props, text, accept, tidy, own)}
      description={props.description}
      autoFocus={props.autoFocus}
      data-autofocus={props['data-autofocus']}
      data-date-field=""
      placeholder={t('dateField.placeholder')}
      rightSectionPointerEvents="all"
      rightSection={
        <Popover
          opened={open}
          onChange={setOpen}
          position="bottom-end"
          shadow="md"
          withinPortal
          trapFocus
          returnFocus
          transitionProps={{ duration: 0 }}
        >
          <Popover.Target>
            <ActionIcon
              variant="subtle"
              color="gray"
              size={props.size === 'xs' ? 'sm' : 'md'}
              aria-label={t('dateField.openCalendar')}
              title={t('dateField.openCalendar')}
              disabled={props.disabled}
              onClick={() => setOpen((o) => !o)}
              data-testid="date-field-calendar"
            >
              <CalendarIcon />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown dir={i18n.dir(i18n.language)} data-testid="date-field-picker">
            <DatePicker
              value={pickerValue}
              defaultDate={start}
              locale={calendarLocale(i18n.language)}
              firstDayOfWeek={1}
              minDate={min}
              maxDate={max}
              onChange={(d) => {
                if (!d) return
                setText(formatDay(d))
                setLeft(true)
                emit(d)
                setOpen(false)
                input.current?.focus()
              }}
            />
          </Popover.Dropdown>
        </Popover>
      }
    />
  )
}

function CalendarIcon() {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M16 3v4M8 3v4M3 10h18M8 14h2M14 14h2M8 17h2" />
    </svg>
  )
}
