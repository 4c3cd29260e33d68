// Builds the file and offers it to save. Loaded only when someone exports: ExcelJS is large.
import type { TableColumnsType } from 'antd';
import { getDesktopApi } from '../../desktop';
import type { Disclosure } from '../../lib/export/values';
import { buildWorkbook, exportFileName, workbookBytes } from '../../lib/export/workbook';
import { exportColumnsOf, type ExportOverrides } from './tableExport';

export interface ProduceRequest<R> {
  listName: string;
  columns: TableColumnsType<R>;
  rows: readonly R[];
  overrides?: ExportOverrides<R>;
  disclosure: Disclosure;
}

/** `saved: false` when the person closed the save dialog. */
export async function produceExport<R>(request: ProduceRequest<R>): Promise<{ saved: boolean }> {
  const now = new Date();
  const workbook = buildWorkbook({
    listName: request.listName,
    columns: exportColumnsOf(request.columns, request.overrides),
    rows: request.rows,
    disclosure: request.disclosure,
    now,
  });
  const result = await getDesktopApi().saveFile(exportFileName(request.listName, now), await workbookBytes(workbook));
  if (!result.ok) throw new Error(result.error);
  return result.value;
}
