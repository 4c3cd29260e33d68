// A list that can grow to thousands of rows (needs, compounds, activities…) scrolls virtually once
// it is long: only the rows in view are rendered, so opening, filtering and live updates stay cheap
// however many documents the street holds. A short list stays an ordinary table (rows grow with their
// content, nothing to scroll inside the page).
import { useAvailableHeight } from './useAvailableHeight';

/** From how many rows a list scrolls virtually. */
export const VIRTUAL_FROM_ROWS = 200;

// Beside the scrolling rows the table has its header (taller in English, where titles wrap), a
// horizontal scrollbar, and the layout's bottom padding.
const SCROLLBAR_AND_PADDING = 48;
const reserveBelow = (element: HTMLElement) =>
  (element.querySelector<HTMLElement>('.ant-table-header')?.offsetHeight ?? 40) + SCROLLBAR_AND_PADDING;

export interface LongList {
  /** Attach to an element wrapping the table: the rows scroll in the room left below it. */
  ref: (element: HTMLElement | null) => void;
  virtual: boolean;
  /** The table's scroll, with the columns' fixed total `width` when virtual (a virtual table needs it). */
  scroll: { x: number | 'max-content'; y?: number };
}

export function useLongList(rows: number, width: number): LongList {
  const { ref, height } = useAvailableHeight(reserveBelow);
  const virtual = rows > VIRTUAL_FROM_ROWS;
  return { ref, virtual, scroll: virtual ? { x: width, y: height } : { x: 'max-content' } };
}

/** The columns' fixed widths added up: a virtual table lays its rows out without measuring them. */
export function widthOf(columns: readonly object[]): number {
  return columns.reduce<number>((sum, column) => {
    const width = (column as { width?: unknown }).width;
    return sum + (typeof width === 'number' ? width : 0);
  }, 0);
}
