// "历史记录" on a record's page: a drawer with the server's audit trail of the record, newest first —
// who, on which device, when, what happened, and each changed field from → to.
import { HistoryOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Drawer, Empty, Space, Spin, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { CollectionName } from '@domain/collections';
import type { HistoryAction, HistoryEntry } from '@domain/contract';
import { useRecordText, type RecordText } from '../lib/recordValues';
import { actionOf, changedFields, useRecordHistory, type FieldChange } from '../lib/useRecordHistory';
import { useRecordHistoryText } from './RecordHistoryTexts';

const actionColors: Record<HistoryAction, string> = { created: 'green', updated: 'blue', deleted: 'red', restored: 'purple' };

function HistoryRow({ entry, text }: { entry: HistoryEntry; text: RecordText }) {
  const t = useRecordHistoryText();
  const action = actionOf(entry);
  const changes = action === 'updated' ? changedFields(entry.before, entry.after) : [];
  const name = entry.displayName ?? entry.username;
  return (
    <Card size="small" data-testid="record-history-entry" data-action={action}>
      <Space wrap size={[12, 4]}>
        <Tag color={actionColors[action]}>{t(`actions.${action}`)}</Tag>
        <Typography.Text strong>{name === entry.username ? name : t('by', { name, username: entry.username })}</Typography.Text>
        <Typography.Text type="secondary">{t('device', { name: entry.deviceName ?? t('noDevice') })}</Typography.Text>
        <Typography.Text type="secondary">{dayjs(entry.at).format('YYYY-MM-DD HH:mm:ss')}</Typography.Text>
      </Space>
      {action === 'updated' &&
        (changes.length === 0 ? (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {t('noFieldChange')}
          </Typography.Paragraph>
        ) : (
          <Table
            style={{ marginTop: 8 }}
            size="small"
            pagination={false}
            rowKey="field"
            dataSource={changes}
            columns={[
              { title: t('field'), width: 140, render: (_: unknown, row: FieldChange) => text.fieldLabel(row.field) },
              { title: t('from'), render: (_: unknown, row: FieldChange) => text.value(row.field, row.from) },
              { title: t('to'), render: (_: unknown, row: FieldChange) => text.value(row.field, row.to) },
            ]}
          />
        ))}
    </Card>
  );
}

function HistoryBody({ collection, id }: { collection: CollectionName; id: string }) {
  const t = useRecordHistoryText();
  const text = useRecordText(collection);
  const { state, reload } = useRecordHistory(collection, id, true);
  switch (state.status) {
    case 'offline':
      return <Alert type="info" showIcon title={t('offline')} data-testid="record-history-offline" />;
    case 'loading':
      return <Spin />;
    case 'failed':
      return (
        <Alert
          type="error"
          showIcon
          title={t('failed', { reason: state.message })}
          action={
            <Button size="small" onClick={reload}>
              {t('retry')}
            </Button>
          }
        />
      );
    case 'ready':
      return state.entries.length === 0 ? (
        <Empty description={t('empty')} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {state.entries.map((entry) => (
            <HistoryRow key={entry.seq} entry={entry} text={text} />
          ))}
        </Space>
      );
  }
}

/** The button and its drawer; the history is read only while the drawer is open. */
export function RecordHistoryButton({ collection, id, name, compact }: { collection: CollectionName; id: string; name?: string; compact?: boolean }) {
  const t = useRecordHistoryText();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        icon={<HistoryOutlined />}
        onClick={() => setOpen(true)}
        data-testid="record-history-button"
        {...(compact ? { type: 'link', size: 'small' } : {})}
      >
        {t('button')}
      </Button>
      <Drawer
        title={name ? t('title', { name }) : t('titleNoName')}
        open={open}
        onClose={() => setOpen(false)}
        size={640}
        destroyOnHidden
      >
        <div data-testid="record-history-drawer">{open && <HistoryBody collection={collection} id={id} />}</div>
      </Drawer>
    </>
  );
}
