// Whether a table shows ID numbers or mobiles at all: only then is a full export worth offering.
// Kept apart from tableExport so the list pages need not load the export code to ask.
import { isValidElement, type ReactNode } from 'react';
import type { TableColumnsType } from 'antd';
import { MaskedText } from '../MaskedText';

/** Rows looked at: every row of a list renders its columns the same way. */
const SAMPLE = 20;

function holdsMaskedText(node: unknown): boolean {
  if (Array.isArray(node)) return (node as unknown[]).some(holdsMaskedText);
  if (!isValidElement(node)) return false;
  if (node.type === MaskedText) return true;
  return holdsMaskedText((node.props as { children?: ReactNode } | null)?.children);
}

export function showsPersonalData<R>(columns: TableColumnsType<R>, rows: readonly R[]): boolean {
  return rows.slice(0, SAMPLE).some((row, index) =>
    columns.some((column) => {
      if (column.hidden || !('render' in column) || !column.render) return false;
      const raw = 'dataIndex' in column && typeof column.dataIndex === 'string' ? (row as Record<string, unknown>)[column.dataIndex] : undefined;
      return holdsMaskedText(column.render(raw, row, index));
    }),
  );
}
