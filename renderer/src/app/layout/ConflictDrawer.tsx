// The conflict log: each local value a merge set aside, beside the server's value that stands. The
// person keeps theirs (written again over the current record) or takes the other side's; either way
// the entry moves to the resolved tab with the choice, who and when.
import { App, Alert, Button, Card, Drawer, Empty, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecordText } from '../../lib/recordValues';
import { useSessionStore } from '../../session/store';
import {
  canKeepMine,
  ConflictResolveError,
  keepMine,
  RESOLVED_KEEP_COUNT,
  RESOLVED_KEEP_DAYS,
  takeTheirs,
  useConflictLog,
  type ResolvedConflict,
} from '../../sync/conflictLog';
import type { ConflictEntry } from '../../sync/conflicts';
import { BuildingLeaderConflictNotices, useLeaderConflictText } from '../../features/compounds/BuildingLeaderConflicts';
import { useConflictText } from './conflictTexts';

type FieldRow = ConflictEntry['fields'][number];

function FieldTable({ entry, chosen }: { entry: ConflictEntry; chosen?: ResolvedConflict['resolution']['choice'] }) {
  const { t } = useTranslation();
  const tc = useConflictText();
  const text = useRecordText(entry.collection);
  // A building's leader is named, not shown as an id.
  const leader = useLeaderConflictText(entry);
  const mark = (side: 'keepMine' | 'takeTheirs') => chosen === side && <Tag color="green">{tc('chosen')}</Tag>;
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="field"
      dataSource={entry.fields}
      columns={[
        { title: t('conflicts.field'), width: 120, render: (_: unknown, row: FieldRow) => leader.fieldLabel(row.field) ?? text.fieldLabel(row.field) },
        {
          title: <>{t('conflicts.server')} {mark('takeTheirs')}</>,
          render: (_: unknown, row: FieldRow) => <span data-testid="conflict-server-value">{leader.value(row.field, row.server) ?? text.value(row.field, row.server)}</span>,
        },
        {
          title: <>{t('conflicts.local')} {mark('keepMine')}</>,
          render: (_: unknown, row: FieldRow) => <span data-testid="conflict-local-value">{leader.value(row.field, row.local) ?? text.value(row.field, row.local)}</span>,
        },
      ]}
    />
  );
}

function EntryTitle({ entry }: { entry: ConflictEntry }) {
  const { t } = useTranslation();
  return (
    <Space wrap>
      <Tag>{t(`conflicts.collections.${entry.collection}`)}</Tag>
      <Typography.Text>{entry.label ?? entry.docId}</Typography.Text>
    </Space>
  );
}

function OpenEntry({ entry }: { entry: ConflictEntry }) {
  const { t } = useTranslation();
  const tc = useConflictText();
  const { message } = App.useApp();
  const user = useSessionStore((state) => state.session?.user);
  const [busy, setBusy] = useState(false);
  const leader = useLeaderConflictText(entry);
  const by = { userId: user?.id ?? '', name: user?.displayName ?? user?.username ?? '' };
  const run = async (action: 'keepMine' | 'takeTheirs') => {
    setBusy(true);
    try {
      await (action === 'keepMine' ? keepMine(entry.key, by) : takeTheirs(entry.key, by));
      void message.success(tc(action === 'keepMine' ? 'keepMineDone' : 'takeTheirsDone'));
    } catch (error) {
      const reason = error instanceof ConflictResolveError ? tc(`errors.${error.reason}`) : error instanceof Error ? error.message : String(error);
      void message.error(tc('failed', { reason }));
    } finally {
      setBusy(false);
    }
  };
  const keepable = canKeepMine(entry);
  return (
    <Card
      size="small"
      data-testid="conflict-entry"
      title={<EntryTitle entry={entry} />}
      extra={
        <Space>
          <Button size="small" type="primary" disabled={!keepable || busy} onClick={() => void run('keepMine')} data-testid="conflict-keep-mine">
            {tc('keepMine')}
          </Button>
          <Button size="small" disabled={busy} onClick={() => void run('takeTheirs')} data-testid="conflict-take-theirs">
            {tc('takeTheirs')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {dayjs(entry.at).format('YYYY-MM-DD HH:mm:ss')} · {t(`conflicts.reasons.${entry.reason}`)}
      </Typography.Paragraph>
      {leader.notice}
      {!keepable && <Alert type="info" showIcon title={tc('keepMineUnavailable')} style={{ marginBottom: 8 }} />}
      <FieldTable entry={entry} />
    </Card>
  );
}

function ResolvedEntry({ entry }: { entry: ResolvedConflict }) {
  const tc = useConflictText();
  const { resolution } = entry;
  return (
    <Card size="small" data-testid="conflict-resolved-entry" data-choice={resolution.choice} title={<EntryTitle entry={entry} />}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {tc('resolvedBy', { name: resolution.by.name, time: dayjs(resolution.at).format('YYYY-MM-DD HH:mm'), choice: tc(`choices.${resolution.choice}`) })}
      </Typography.Paragraph>
      <FieldTable entry={entry} chosen={resolution.choice} />
    </Card>
  );
}

export function ConflictDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const tc = useConflictText();
  const entries = useConflictLog((state) => state.entries);
  const resolved = useConflictLog((state) => state.resolved);
  return (
    <>
      {/* Outside the drawer, which renders its content only once opened. */}
      <BuildingLeaderConflictNotices />
      <Drawer title={t('conflicts.title')} open={open} onClose={onClose} size={720}>
        <Tabs
          items={[
            {
              key: 'open',
              label: tc('tabs.open', { count: entries.length }),
              children:
                entries.length === 0 ? (
                  <Empty description={t('conflicts.empty')} />
                ) : (
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    <Typography.Paragraph>{tc('intro')}</Typography.Paragraph>
                    {entries.map((entry) => (
                      <OpenEntry key={entry.key} entry={entry} />
                    ))}
                  </Space>
                ),
            },
            {
              key: 'resolved',
              label: <span data-testid="conflicts-resolved-tab">{tc('tabs.resolved', { count: resolved.length })}</span>,
              children: (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Typography.Paragraph type="secondary">{tc('resolvedKeep', { days: RESOLVED_KEEP_DAYS, count: RESOLVED_KEEP_COUNT })}</Typography.Paragraph>
                  {resolved.length === 0 ? <Empty description={tc('resolvedEmpty')} /> : resolved.map((entry) => <ResolvedEntry key={entry.key} entry={entry} />)}
                </Space>
              ),
            },
          ]}
        />
      </Drawer>
    </>
  );
}
