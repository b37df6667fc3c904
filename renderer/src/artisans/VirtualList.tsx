import { useState, type ReactNode } from 'react'

/**
 * A list that renders only the rows in view (fixed row height), so scrolling stays smooth
 * however many rows are loaded; asks for more when the end comes near.
 */
export function VirtualList<T>({
  items,
  rowHeight,
  height,
  renderRow,
  onNearEnd,
  label,
}: {
  items: T[]
  rowHeight: number
  height: number
  renderRow: (item: T, index: number) => ReactNode
  onNearEnd: () => void
  label: string
}) {
  const [scrollTop, setScrollTop] = useState(0)
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - 5)
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + 5)
  return (
    <div
      className="virtual-list"
      style={{ blockSize: height }}
      role="list"
      aria-label={label}
      tabIndex={0}
      onScroll={(e) => {
        const top = e.currentTarget.scrollTop
        setScrollTop(top)
        if (top + height > items.length * rowHeight - rowHeight * 20) onNearEnd()
      }}
    >
      <div className="virtual-list-space" style={{ blockSize: items.length * rowHeight }}>
        {items.slice(first, last).map((item, i) => (
          <div
            key={first + i}
            role="listitem"
            className="virtual-list-row"
            style={{ insetBlockStart: (first + i) * rowHeight, blockSize: rowHeight }}
          >
            {renderRow(item, first + i)}
          </div>
        ))}
      </div>
    </div>
  )
}
