// The conflict log: each local value a merge set aside, beside the server's value that stands.
import { Button, Card, Drawer, Empty, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { dismissConflict, useConflictLog } from '../../sync/conflictLog';
import type { ConflictEntry } from '../../sync/conflicts';
import { BuildingLeaderConflictNotices, useLeaderConflictText } from '../../features/compounds/BuildingLeaderConflicts';

function formatValue(value: unknown, absent: string): string {
  if (value === undefined || value === null) return absent;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function EntryCard({ entry }: { entry: ConflictEntry }) {
  const { t } = useTranslation();
  const absent = t('conflicts.absent');
  // A building's leader is named, not shown as an id, and the loss is told in a sentence.
  const leader = useLeaderConflictText(entry);
  // The feature pages name their fields in their own namespace; the raw name is the fallback.
  const fieldLabel = (field: string) =>
    leader.fieldLabel(field) ??
    t([`${entry.collection}:fields.${field}`, `${entry.collection}:form.${field}`, `${entry.collection}:columns.${field}`], { defaultValue: field });
  return (
    <Card
      size="small"
      data-testid="conflict-entry"
      title={
        <Space wrap>
          <Tag>{t(`conflicts.collections.${entry.collection}`)}</Tag>
          <Typography.Text>{entry.label ?? entry.docId}</Typography.Text>
        </Space>
      }
      extra={
        <Button size="small" onClick={() => void dismissConflict(entry.key)}>
          {t('conflicts.dismiss')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {dayjs(entry.at).format('YYYY-MM-DD HH:mm:ss')} · {t(`conflicts.reasons.${entry.reason}`)}
      </Typography.Paragraph>
      {leader.notice}
      <Table
        size="small"
        pagination={false}
        rowKey="field"
        dataSource={entry.fields}
        columns={[
          { title: t('conflicts.field'), width: 120, render: (_: unknown, row: ConflictEntry['fields'][number]) => fieldLabel(row.field) },
          { title: t('conflicts.server'), render: (_: unknown, row: ConflictEntry['fields'][number]) => leader.value(row.field, row.server) ?? formatValue(row.server, absent) },
          { title: t('conflicts.local'), render: (_: unknown, row: ConflictEntry['fields'][number]) => leader.value(row.field, row.local) ?? formatValue(row.local, absent) },
        ]}
      />
    </Card>
  );
}

export function ConflictDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const entries = useConflictLog((state) => state.entries);
  return (
    <>
      {/* Outside the drawer, which renders its content only once opened. */}
      <BuildingLeaderConflictNotices />
      <Drawer title={t('conflicts.title')} open={open} onClose={onClose} size={640}>
        {entries.length === 0 ? (
          <Empty description={t('conflicts.empty')} />
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph>{t('conflicts.intro')}</Typography.Paragraph>
            {entries.map((entry) => (
              <EntryCard key={entry.key} entry={entry} />
            ))}
          </Space>
        )}
      </Drawer>
    </>
  );
}
