// 导出 Excel: the list as the person sees it — the table's columns without row actions, the rows
// left by the current search and filters — with ID numbers and mobiles masked. A street admin may
// instead export them in full, online only, after giving a reason that is recorded on the server
// before the file is made.
import { App, Button, Dropdown, Space, type TableColumnsType } from 'antd';
import { DownOutlined, DownloadOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import type { Disclosure } from '../../lib/export/values';
import { useCurrentUser } from '../../session/useSession';
import { ApiError } from '../../sync/api';
import { isOnline, useSyncStatus } from '../../sync/status';
import { useComponentsText } from '../useComponentsText';
import { DisclosureModal } from './DisclosureModal';
import { showsPersonalData } from './personalColumns';
import type { ExportOverrides } from './tableExport';

interface ExportButtonProps<R> {
  /** The list's name as the page title shows it: the sheet's name and the file's. */
  listName: string;
  /** The table's current columns; the `actions` column and hidden ones are left out. */
  columns: TableColumnsType<R>;
  /** The rows as shown, after search and filters. */
  rows: readonly R[];
  /** Values for columns whose cells cannot be read from what they render, by column key. */
  overrides?: ExportOverrides<R>;
}

export function ExportButton<R>({ listName, columns, rows, overrides }: ExportButtonProps<R>) {
  const t = useComponentsText();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const online = useSyncStatus(isOnline);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const personal = useMemo(() => user.role === 'street_admin' && showsPersonalData(columns, rows), [user.role, columns, rows]);

  const produce = async (disclosure: Disclosure) => {
    const { produceExport } = await import('./produceExport');
    const { saved } = await produceExport({ listName, columns, rows, overrides, disclosure });
    if (saved) void message.success(t(disclosure === 'full' ? 'export.doneFull' : 'export.done', { count: rows.length }));
  };

  const exportMasked = async () => {
    setBusy(true);
    try {
      await produce('masked');
    } catch (error) {
      void message.error(t('export.failed', { reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };

  /** Thrown errors are shown in the dialog, which stays open. */
  const exportFull = async (reason: string) => {
    if (!isOnline(useSyncStatus.getState())) throw new Error(t('export.offline'));
    const { recordDisclosure } = await import('./disclosure');
    try {
      await recordDisclosure({ listName, rowCount: rows.length, reason });
    } catch (error) {
      if (error instanceof ApiError && error.unreachable) throw new Error(t('export.offline'));
      throw new Error(t('export.recordFailed', { reason: error instanceof Error ? error.message : String(error) }));
    }
    try {
      await produce('full');
    } catch (error) {
      throw new Error(t('export.failed', { reason: error instanceof Error ? error.message : String(error) }));
    }
    setAsking(false);
  };

  const mainButton = (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void exportMasked()} data-testid="export-xlsx">
      {t('export.button')}
    </Button>
  );
  // Only a street admin may disclose, and only lists that show personal data have any to disclose.
  if (!personal) return mainButton;

  const fullBlocked = online ? undefined : t('export.fullOffline');
  return (
    <>
      <Space.Compact>
        {mainButton}
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              {
                key: 'full',
                disabled: fullBlocked !== undefined,
                label: <span data-testid="export-full">{t('export.full')}</span>,
                extra: fullBlocked,
              },
            ],
            onClick: () => setAsking(true),
          }}
        >
          <Button icon={<DownOutlined />} aria-label={t('export.more')} data-testid="export-more" />
        </Dropdown>
      </Space.Compact>
      {asking && <DisclosureModal listName={listName} rowCount={rows.length} onConfirm={exportFull} onClose={() => setAsking(false)} />}
    </>
  );
}
