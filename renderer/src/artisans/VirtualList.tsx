import { useEffect, useRef, useState, type ReactNode } from 'react'
import './virtual-list.css'

/**
 * A list that renders only the rows in view (fixed row height), so scrolling stays smooth
 * however many rows are loaded; asks for more when the end comes near.
 *
 * Each row is a link (`rowHref`): one row at a time is in the Tab order, ↑/↓ (and Page
 * Up/Down, Home, End) move the focus from row to row, scrolling as needed, and Enter opens
 * the row. `initialScrollTop` brings the list back where it was left (loading pages until
 * it can); `onScrollTop` tells where it is now.
 */
export function VirtualList<T>({
  items,
  rowHeight,
  height,
  renderRow,
  rowHref,
  onNearEnd,
  hasMore = false,
  label,
  initialScrollTop = 0,
  onScrollTop,
}: {
  items: T[]
  rowHeight: number
  height: number
  renderRow: (item: T, index: number) => ReactNode
  rowHref: (item: T) => string
  onNearEnd: () => void
  hasMore?: boolean
  label: string
  initialScrollTop?: number
  /** Where the list is; `leaving` when a row is being opened (save it now). */
  onScrollTop?: (top: number, leaving?: boolean) => void
}) {
  const box = useRef<HTMLDivElement>(null)
  const [scrollTop, setScrollTop] = useState(0)
  const [active, setActive] = useState(() => Math.floor(initialScrollTop / rowHeight))
  const [restore, setRestore] = useState<number | null>(
    initialScrollTop > 0 ? initialScrollTop : null,
  )
  const focusNext = useRef(false)
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - 5)
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + 5)
  const current = Math.min(active, Math.max(items.length - 1, 0))

  // Back to where the list was left: once enough rows are loaded (or there are no more).
  useEffect(() => {
    if (restore === null || items.length === 0) return
    if (items.length * rowHeight < restore + height && hasMore) {
      onNearEnd()
      return
    }
    if (box.current) box.current.scrollTop = restore
    setScrollTop(box.current?.scrollTop ?? restore)
    setRestore(null)
  }, [restore, items.length, rowHeight, height, hasMore, onNearEnd])

  // The row the keyboard moved to takes the focus once it is drawn.
  useEffect(() => {
    if (!focusNext.current) return
    focusNext.current = false
    box.current?.querySelector<HTMLElement>(`[data-row-index="${current}"]`)?.focus()
  }, [current, first, last])

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(items.length - 1, index))
    const el = box.current
    if (el) {
      const top = next * rowHeight
      if (top < el.scrollTop) el.scrollTop = top
      else if (top + rowHeight > el.scrollTop + height) el.scrollTop = top + rowHeight - height
      setScrollTop(el.scrollTop)
    }
    focusNext.current = true
    setActive(next)
  }

  const onKeyDown = (e: React.KeyboardEvent) => {
    const page = Math.max(1, Math.floor(height / rowHeight) - 1)
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + page,
      PageUp: current - page,
      Home: 0,
      End: items.length - 1,
    }
    const target = moves[e.key]
    if (target === undefined || items.length === 0) return
    e.preventDefault()
    moveTo(target)
  }

  return (
    <div
      ref={box}
      className="virtual-list"
      style={{ blockSize: height }}
      role="list"
      aria-label={label}
      onKeyDown={onKeyDown}
      onScroll={(e) => {
        const top = e.currentTarget.scrollTop
        setScrollTop(top)
        onScrollTop?.(top)
        if (top + height > items.length * rowHeight - rowHeight * 20) onNearEnd()
      }}
    >
      <div className="virtual-list-space" style={{ blockSize: items.length * rowHeight }}>
        {items.slice(first, last).map((item, i) => {
          const index = first + i
          return (
            <div
              key={index}
              role="listitem"
              className="virtual-list-row"
              style={{ insetBlockStart: index * rowHeight, blockSize: rowHeight }}
            >
              <a
                href={rowHref(item)}
                className="virtual-list-link"
                tabIndex={index === current ? 0 : -1}
                data-row-index={index}
                data-testid="list-row"
                onFocus={() => setActive(index)}
                onClick={() => onScrollTop?.(box.current?.scrollTop ?? scrollTop, true)}
              >
                {renderRow(item, index)}
              </a>
            </div>
          )
        })}
      </div>
    </div>
  )
}
