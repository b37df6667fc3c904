import { ActionIcon, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Session } from '@shared/sessions/session'
import { hrefOf } from '../app/sections'
import { navigate } from '../app/useRoute'
import { localToday, monthText, STATUS_COLORS, weekdayNames } from './session-display'

/**
 * A month of sessions, Monday first: each day shows its sessions (a click opens one);
 * arrows move a month back or forward. In Arabic the grid reads right to left, and the
 * arrows with it: "previous" stands on the right and points right.
 */
function monthDays(month: string): (string | null)[] {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const first = new Date(Date.UTC(y, m - 1, 1))
  const lead = (first.getUTCDay() + 6) % 7
  const count = new Date(Date.UTC(y, m, 0)).getUTCDate()
  const days: (string | null)[] = Array.from({ length: lead }, () => null)
  for (let d = 1; d <= count; d++) days.push(`${month}-${String(d).padStart(2, '0')}`)
  while (days.length % 7) days.push(null)
  return days
}

function shift(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const d = new Date(Date.UTC(y, m - 1 + by, 1))
  return d.toISOString().slice(0, 7)
}

/** A chevron drawn, not typed: a typed ‹ › is not reliably mirrored inside a button. */
function Chevron({ pointsTo }: { pointsTo: 'left' | 'right' }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" data-points={pointsTo}>
      <path
        d={pointsTo === 'left' ? 'M10 3 L5 8 L10 13' : 'M6 3 L11 8 L6 13'}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  )
}

export function SessionCalendar({
  sessions,
  compact = false,
}: {
  sessions: Session[]
  compact?: boolean
}) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  // Time runs toward the inline end: left to right in French, right to left in Arabic.
  const rtl = i18n.dir(lang) === 'rtl'
  const today = localToday()
  const [month, setMonth] = useState(today.slice(0, 7))
  const byDay = useMemo(() => {
    const map = new Map<string, Session[]>()
    for (const s of sessions) {
      const d = s.startsAt.slice(0, 10)
      map.set(d, [...(map.get(d) ?? []), s])
    }
    return map
  }, [sessions])

  return (
    <Paper withBorder p="sm" data-testid="session-calendar">
      <Group justify="space-between" mb="xs">
        <ActionIcon
          variant="subtle"
          aria-label={t('sessions.calendar.previous')}
          onClick={() => setMonth((m) => shift(m, -1))}
          data-testid="calendar-previous"
        >
          <Chevron pointsTo={rtl ? 'right' : 'left'} />
        </ActionIcon>
        <Text fw={600} data-testid="calendar-month">
          {monthText(month, lang)}
        </Text>
        <ActionIcon
          variant="subtle"
          aria-label={t('sessions.calendar.next')}
          onClick={() => setMonth((m) => shift(m, 1))}
          data-testid="calendar-next"
        >
          <Chevron pointsTo={rtl ? 'left' : 'right'} />
        </ActionIcon>
      </Group>
      <div className="calendar-grid" role="grid" aria-label={monthText(month, lang)}>
        {weekdayNames(lang).map((w) => (
          <Text key={w} size="xs" c="dimmed" ta="center" role="columnheader">
            {w}
          </Text>
        ))}
        {monthDays(month).map((d, i) => (
          <div
            key={d ?? `blank-${i}`}
            role="gridcell"
            className={`calendar-day${d === today ? ' calendar-today' : ''}`}
            style={{ minBlockSize: compact ? 44 : 84 }}
          >
            {d && (
              <Stack gap={2}>
                <Text size="xs" c="dimmed" ta="start">
                  {Number(d.slice(8))}
                </Text>
                {(byDay.get(d) ?? []).map((s) => (
                  <UnstyledButton
                    key={s.id}
                    onClick={() => navigate(hrefOf.session(s.id))}
                    className="calendar-session"
                    data-status={s.status}
                    title={s.title}
                    style={{
                      borderInlineStartColor: `var(--mantine-color-${STATUS_COLORS[s.status]}-6)`,
                    }}
                  >
                    <Text size="xs" lineClamp={compact ? 1 : 2}>
                      <bdi dir="ltr">{s.startsAt.slice(11, 16)}</bdi> {s.title}
                    </Text>
                  </UnstyledButton>
                ))}
              </Stack>
            )}
          </div>
        ))}
      </div>
    </Paper>
  )
}
