import {
  Combobox,
  InputBase,
  ScrollArea,
  useCombobox,
  type MantineSize,
  type ComboboxProps,
} from '@mantine/core'
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { labelMatches } from './choice-filter'

export interface ChoiceItem {
  value: string
  label: string
  disabled?: boolean
}
export interface ChoiceGroup {
  group: string
  items: ChoiceItem[]
}
export type ChoiceData = readonly (ChoiceItem | ChoiceGroup)[]

const isGroup = (x: ChoiceItem | ChoiceGroup): x is ChoiceGroup => 'group' in x

/**
 * The desk's one choice list (docs/dates.md, "Choices"). Typing filters it (Arabic and Latin
 * labels, without case or accents); ↓/↑ move through it; Enter picks the highlighted option
 * and never submits the form around it — not even with the list closed or nothing matching.
 * Nothing is chosen silently: a required field stays empty until the clerk picks, and ↓
 * on an empty field opens the list without highlighting anything. Leaving the field drops
 * a search that was not picked and shows the chosen label again.
 */
export interface ChoiceSelectProps {
  label?: ReactNode
  data: ChoiceData
  value: string | null
  onChange: (value: string | null) => void
  onBlur?: () => void
  error?: ReactNode
  description?: ReactNode
  placeholder?: string
  required?: boolean
  disabled?: boolean
  /** A button to empty the field (filters, optional fields). */
  clearable?: boolean
  /** Typing filters the list (default). A short list (sex, a few statuses) still filters. */
  searchable?: boolean
  size?: MantineSize
  w?: number | string
  name?: string
  comboboxProps?: Pick<ComboboxProps, 'withinPortal' | 'zIndex'>
  'data-testid'?: string
  'data-autofocus'?: boolean
  'aria-label'?: string
}

export function ChoiceSelect(props: ChoiceSelectProps) {
  const { t } = useTranslation()
  const { data, value, onChange, searchable = true } = props
  const items = useMemo(() => data.flatMap((x) => (isGroup(x) ? x.items : [x])), [data])
  const labelOf = (v: string | null) => items.find((i) => i.value === v)?.label ?? ''
  const selectedLabel = labelOf(value)
  const [search, setSearch] = useState(selectedLabel)
  const [typing, setTyping] = useState(false)
  const [activeId, setActiveId] = useState<string | null>(null)
  const input = useRef<HTMLInputElement>(null)

  const combobox = useCombobox({
    onDropdownClose: () => {
      combobox.resetSelectedOption()
      setActiveId(null)
    },
  })

  // The chosen label is shown again whenever the choice changes from outside or the
  // clerk stops typing.
  useEffect(() => {
    if (!typing) setSearch(selectedLabel)
  }, [selectedLabel, typing])

  const query = typing ? search : ''
  const visible = useMemo(() => {
    const keep = (i: ChoiceItem) => labelMatches(i.label, query)
    return data
      .map((x) => (isGroup(x) ? { ...x, items: x.items.filter(keep) } : x))
      .filter((x) => (isGroup(x) ? x.items.length > 0 : keep(x)))
  }, [data, query])

  // What was typed highlights the first match, so Enter takes it; nothing typed, nothing
  // highlighted.
  useEffect(() => {
    if (!combobox.dropdownOpened) return
    // The options are in the page after this render's commit: highlight on the next tick.
    const timer = window.setTimeout(() => {
      if (typing && search.trim()) setActiveId(combobox.selectFirstOption())
      else {
        combobox.resetSelectedOption()
        setActiveId(null)
      }
    }, 0)
    return () => window.clearTimeout(timer)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reacts to the search only
  }, [search, typing, visible.length])

  const pick = (v: string) => {
    onChange(v)
    setTyping(false)
    setSearch(labelOf(v))
    combobox.closeDropdown()
  }
  const leave = () => {
    setTyping(false)
    setSearch(selectedLabel)
    combobox.closeDropdown()
    props.onBlur?.()
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing || props.disabled) return
    const opened = combobox.dropdownOpened
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      if (!opened) {
        combobox.openDropdown('keyboard')
        return
      }
      const index = combobox.getSelectedOptionIndex()
      if (index === -1 && value) {
        setActiveId(combobox.selectActiveOption())
        return
      }
      setActiveId(
        e.key === 'ArrowDown' ? combobox.selectNextOption() : combobox.selectPreviousOption(),
      )
    } else if (e.key === 'Enter' || e.key === 'NumpadEnter') {
      // Enter belongs to the list, whatever happens: the form around never sees it.
      e.preventDefault()
      e.stopPropagation()
      const first = visible.flatMap((x) => (isGroup(x) ? x.items : [x])).find((i) => !i.disabled)
      if (opened && combobox.getSelectedOptionIndex() !== -1) combobox.clickSelectedOption()
      else if (typing && search.trim() && first) pick(first.value)
      else if (!opened) combobox.openDropdown('keyboard')
    } else if (e.key === 'Escape' && opened) {
      e.stopPropagation()
      combobox.closeDropdown('keyboard')
      setTyping(false)
    }
  }

  const option = (i: ChoiceItem) => (
    <Combobox.Option
      value={i.value}
      key={i.value}
      active={i.value === value}
      disabled={i.disabled}
      aria-selected={i.value === value}
    >
      {i.label}
    </Combobox.Option>
  )

  const clear =
    props.clearable && value && !props.disabled ? (
      <Combobox.ClearButton
        aria-label={t('choice.clear')}
        onClear={() => {
          onChange(null)
          setTyping(false)
          setSearch('')
        }}
      />
    ) : null

  return (
    <Combobox
      store={combobox}
      onOptionSubmit={pick}
      withinPortal={props.comboboxProps?.withinPortal ?? true}
      zIndex={props.comboboxProps?.zIndex}
      size={props.size}
      disabled={props.disabled}
      transitionProps={{ duration: 0 }}
    >
      <Combobox.Target withKeyboardNavigation={false} withExpandedAttribute>
        <InputBase
          ref={input}
          label={props.label}
          description={props.description}
          error={props.error}
          required={props.required}
          disabled={props.disabled}
          size={props.size}
          w={props.w}
          name={props.name}
          aria-label={props['aria-label']}
          data-testid={props['data-testid']}
          data-autofocus={props['data-autofocus']}
          data-choice-select=""
          aria-activedescendant={combobox.dropdownOpened ? (activeId ?? undefined) : undefined}
          data-mantine-stop-propagation={combobox.dropdownOpened || undefined}
          placeholder={props.placeholder}
          value={search}
          readOnly={!searchable}
          autoComplete="off"
          pointer={!searchable}
          rightSection={clear ?? <Combobox.Chevron size={props.size} />}
          rightSectionPointerEvents={clear ? 'all' : 'none'}
          onChange={(e) => {
            setTyping(true)
            setSearch(e.currentTarget.value)
            combobox.openDropdown()
          }}
          onClick={() => combobox.toggleDropdown()}
          onBlur={leave}
          onKeyDown={onKeyDown}
        />
      </Combobox.Target>
      <Combobox.Dropdown>
        <Combobox.Options>
          <ScrollArea.Autosize mah={260} type="scroll">
            {visible.length === 0 ? (
              <Combobox.Empty>{t('choice.nothingFound')}</Combobox.Empty>
            ) : (
              visible.map((x) =>
                isGroup(x) ? (
                  <Combobox.Group label={x.group} key={`g:${x.group}`}>
                    {x.items.map(option)}
                  </Combobox.Group>
                ) : (
                  option(x)
                ),
              )
            )}
          </ScrollArea.Autosize>
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  )
}
