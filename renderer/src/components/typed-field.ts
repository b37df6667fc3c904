import type { MantineSize } from '@mantine/core'
import {
  useEffect,
  useRef,
  useState,
  type ChangeEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react'

/** What the date and time fields both take (docs/dates.md). */
export interface TypedFieldProps {
  label: ReactNode
  value: string
  onChange: (value: string) => void
  onBlur?: () => void
  /** The form's own message (shown unless the field has a more precise one of its own). */
  error?: ReactNode
  required?: boolean
  disabled?: boolean
  size?: MantineSize
  w?: number | string
  name?: string
  'data-testid'?: string
}

/**
 * The text in the box, apart from the value passed up: a value set from outside (a reset, a
 * file loaded, a preset) replaces the text as `shown` writes it; `emit` passes a value up
 * only when it differs. `left` is whether the clerk has left the field (blur or Enter).
 * `shown` must keep its identity between renders (a module-level function).
 */
export function useTypedText(
  value: string,
  onChange: (value: string) => void,
  shown: (value: string) => string,
) {
  const [text, setText] = useState(() => shown(value))
  const [left, setLeft] = useState(false)
  const emitted = useRef(value)

  useEffect(() => {
    if (value !== emitted.current) {
      emitted.current = value
      setText(shown(value))
    }
  }, [value, shown])

  const emit = (next: string) => {
    emitted.current = next
    if (next !== value) onChange(next)
  }
  return { text, setText, left, setLeft, emit }
}

/**
 * The `TextInput` props both fields share: left to right with Western digits, `accept` on
 * every keystroke, `tidy` on blur and on Enter, the field's own message before the form's.
 */
export function typedInputProps(
  props: TypedFieldProps,
  text: string,
  accept: (typed: string) => void,
  tidy: () => void,
  own: string | undefined,
) {
  return {
    label: props.label,
    required: props.required,
    disabled: props.disabled,
    size: props.size,
    w: props.w,
    name: props.name,
    'data-testid': props['data-testid'],
    dir: 'ltr',
    inputMode: 'numeric',
    autoComplete: 'off',
    value: text,
    onChange: (e: ChangeEvent<HTMLInputElement>) => accept(e.currentTarget.value),
    onBlur: () => {
      tidy()
      props.onBlur?.()
    },
    onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => {
      if (e.key === 'Enter') tidy()
    },
    error: own ?? props.error,
    classNames: { input: 'ltr-number' },
  } as const
}
