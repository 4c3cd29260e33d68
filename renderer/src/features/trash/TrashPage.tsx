// 回收站: the street's deleted records, for street admins (online only). Restoring one writes its
// last state before the deletion back on the server, from where every device pulls it.
import { App, Alert, Button, Flex, Input, Select, Table, Typography, type TableColumnsType } from 'antd';
import { ReloadOutlined, UndoOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { collectionNames, type CollectionName } from '@domain/collections';
import type { DeletedDocument } from '@domain/contract';
import { PageHeader } from '../../components/PageHeader';
import { useDocs } from '../../db/hooks';
import { byId } from '../../lib/counts';
import type { SearchSource } from '../../lib/search';
import { useSearch } from '../../lib/useSearch';
import { useDeletedDocuments } from './useDeletedDocuments';

const searchSource = (doc: DeletedDocument): SearchSource => ({ names: [doc.label ?? undefined], texts: [doc.deletedByName ?? undefined] });
const EMPTY: DeletedDocument[] = [];

function RestoreButton({ doc, restore, onRestored }: { doc: DeletedDocument; restore: (doc: DeletedDocument) => Promise<void>; onRestored: () => void }) {
  const { t } = useTranslation('trash');
  const { t: tc } = useTranslation();
  const { modal, message } = App.useApp();
  const kind = tc(`conflicts.collections.${doc.collection}`);
  const name = doc.label ?? t('noLabel');
  const ask = () => {
    void modal.confirm({
      title: t('restoreTitle', { kind, name }),
      content: t('restoreContent'),
      okText: t('restoreOk'),
      okButtonProps: { ...{ 'data-testid': 'trash-restore-ok' } },
      onOk: async () => {
        try {
          await restore(doc);
          void message.success(t('restored', { kind, name }));
          onRestored();
        } catch (error) {
          void message.error(t('restoreFailed', { reason: error instanceof Error ? error.message : String(error) }));
        }
      },
    });
  };
  return (
    <Button type="link" size="small" icon={<UndoOutlined />} onClick={ask} data-testid={`trash-restore-${doc.id}`}>
      {t('restore')}
    </Button>
  );
}

export function TrashPage() {
  const { t } = useTranslation('trash');
  const { t: tc } = useTranslation();
  const [collection, setCollection] = useState<CollectionName | undefined>(undefined);
  const [query, setQuery] = useState('');
  const { state, reload, restore } = useDeletedDocuments(collection);
  const communities = useDocs('communities');
  const communityById = useMemo(() => byId(communities.docs), [communities.docs]);
  const items = state.status === 'ready' ? state.items : EMPTY;
  const shown = useSearch(items, searchSource, query);

  const columns: TableColumnsType<DeletedDocument> = [
    { title: t('columns.collection'), key: 'collection', width: 100, render: (_, doc) => tc(`conflicts.collections.${doc.collection}`) },
    { title: t('columns.label'), key: 'label', render: (_, doc) => doc.label ?? <Typography.Text type="secondary">{t('noLabel')}</Typography.Text> },
    {
      title: t('columns.community'),
      key: 'community',
      width: 140,
      render: (_, doc) => (doc.communityId === null ? t('unknown') : (communityById.get(doc.communityId)?.name ?? t('unknown'))),
    },
    {
      title: t('columns.deletedBy'),
      key: 'deletedBy',
      width: 160,
      render: (_, doc) => (doc.deletedByName ? `${doc.deletedByName}（${doc.deletedBy ?? ''}）` : (doc.deletedBy ?? t('unknown'))),
    },
    { title: t('columns.deletedAt'), key: 'deletedAt', width: 150, render: (_, doc) => (doc.deletedAt ? dayjs(doc.deletedAt).format('YYYY-MM-DD HH:mm') : t('unknown')) },
    { title: t('columns.actions'), key: 'actions', width: 100, render: (_, doc) => <RestoreButton doc={doc} restore={restore} onRestored={reload} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={reload} disabled={state.status === 'offline'}>
            {t('reload')}
          </Button>
        }
      />
      {state.status === 'offline' && <Alert type="info" showIcon title={t('offline')} data-testid="trash-offline" />}
      {state.status === 'failed' && <Alert type="error" showIcon title={t('loadFailed', { reason: state.message })} />}
      {state.status !== 'offline' && (
        <>
          <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
            <Input.Search allowClear placeholder={t('search')} value={query} onChange={(event) => setQuery(event.target.value)} style={{ width: 280 }} data-testid="trash-search" />
            <Select<CollectionName>
              allowClear
              placeholder={t('allCollections')}
              value={collection}
              onChange={(value) => setCollection(value)}
              style={{ width: 160 }}
              options={collectionNames.map((name) => ({ value: name, label: tc(`conflicts.collections.${name}`) }))}
              data-testid="trash-collection"
            />
            <Typography.Text type="secondary">{t('total', { count: shown.length })}</Typography.Text>
          </Flex>
          <Table<DeletedDocument>
            rowKey={(doc) => `${doc.collection}/${doc.id}`}
            size="middle"
            loading={state.status === 'loading'}
            columns={columns}
            dataSource={[...shown]}
            pagination={{ pageSize: 50, showSizeChanger: false }}
            locale={{ emptyText: query.trim() === '' ? t('empty') : t('emptyFiltered') }}
            data-testid="trash-table"
          />
        </>
      )}
    </>
  );
}
