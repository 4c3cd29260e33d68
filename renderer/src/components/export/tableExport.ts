// The columns of an export, read from the table the person sees: the same columns (minus row
// actions and hidden ones), each cell's text as its `render` shows it. ID numbers and mobiles
// shown through MaskedText stay personal values, so the export masks them as the screen does.
import { Fragment, isValidElement, type ReactElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { TableColumnGroupType as ColumnGroupType, TableColumnType as ColumnType, TableColumnsType } from 'antd';
import { dateFromIso, personal, type ExportValue } from '../../lib/export/values';
import type { ExportColumn } from '../../lib/export/workbook';
import { MaskedText } from '../MaskedText';

/** The key action columns carry on every list page (edit, delete). */
export const ACTION_COLUMN_KEY = 'actions';

/** For columns whose cells cannot be read from what they render: their values, by column key. */
export type ExportOverrides<R> = Record<string, (row: R) => ExportValue>;

type AnyColumn<R> = ColumnType<R> | ColumnGroupType<R>;

function leafColumns<R>(columns: readonly AnyColumn<R>[]): ColumnType<R>[] {
  return columns.flatMap((column) => {
    if (column.hidden) return [];
    if ('children' in column && Array.isArray(column.children)) return leafColumns(column.children);
    return [column];
  });
}

function keyOf<R>(column: ColumnType<R>): string | undefined {
  if (column.key !== undefined) return String(column.key);
  const { dataIndex } = column;
  if (dataIndex === undefined) return undefined;
  return Array.isArray(dataIndex) ? dataIndex.join('.') : String(dataIndex);
}

function valueAt(row: unknown, dataIndex: ColumnType<unknown>['dataIndex']): unknown {
  if (dataIndex === undefined || dataIndex === null) return undefined;
  const path = Array.isArray(dataIndex) ? (dataIndex as readonly (string | number)[]) : [dataIndex as string | number];
  let value: unknown = row;
  for (const step of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[step];
  }
  return value;
}

/** A title the export can write: text, or the text a title element shows. */
function titleText(title: unknown): string {
  if (typeof title === 'string' || typeof title === 'number') return String(title);
  if (isValidElement(title)) return textOfMarkup(title);
  return '';
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The text static markup shows: its tags dropped, the entities React escapes decoded. */
export function textOfMarkup(element: ReactElement): string {
  return renderToStaticMarkup(element)
    .replace(/<(style|script)\b[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name] ?? entity;
    });
}

/** What a cell shows, as an export value. */
export function exportValueOf(node: unknown): ExportValue {
  if (node === null || node === undefined || typeof node === 'boolean') return null;
  if (typeof node === 'string') return dateFromIso(node) ?? node;
  if (typeof node === 'number') return node;
  if (typeof node === 'bigint') return String(node);
  if (Array.isArray(node)) return (node as unknown[]).map(exportValueOf);
  if (isValidElement(node)) return elementValue(node);
  // antd's `{ children, props }` cell form.
  if (typeof node === 'object' && 'children' in node) return exportValueOf(node.children);
  return null;
}

function elementValue(element: ReactElement): ExportValue {
  const props = (element.props ?? {}) as { kind?: unknown; value?: unknown; children?: ReactNode };
  if (element.type === MaskedText) {
    const value = typeof props.value === 'string' ? props.value : '';
    return personal(props.kind === 'idNumber' ? 'idNumber' : 'mobile', value);
  }
  // Tags, links, typography and plain elements show their children.
  if (typeof element.type === 'string' || element.type === Fragment || props.children !== undefined) return exportValueOf(props.children);
  // A component that computes its text (say with a hook): render it to read the text.
  try {
    const text = textOfMarkup(element);
    return text === '' ? null : text;
  } catch {
    return null;
  }
}

export function exportColumnsOf<R>(columns: TableColumnsType<R>, overrides: ExportOverrides<R> = {}): ExportColumn<R>[] {
  return leafColumns(columns)
    .filter((column) => keyOf(column) !== ACTION_COLUMN_KEY)
    .map((column) => {
      const key = keyOf(column);
      const override = key === undefined ? undefined : overrides[key];
      const value = (row: R, index: number): ExportValue => {
        if (override) return override(row);
        const raw = valueAt(row, column.dataIndex);
        return exportValueOf(column.render ? column.render(raw, row, index) : raw);
      };
      return { title: titleText(column.title), value };
    })
    .filter((column) => column.title !== '');
}
