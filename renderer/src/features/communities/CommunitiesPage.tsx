// 社区: every community of the street with what it holds. Street admins keep the list; everyone
// else reads it.
import { Alert, Button, Input, Space, Table, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Community } from '@domain/collections';
import { useDocs } from '../../db/hooks';
import { removeDoc } from '../../db/write';
import { rowActionsColumn } from '../../components/RowActions';
import { RecordHistoryButton } from '../../components/RecordHistory';
import { ExportButton } from '../../components/export/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { sortByName, compareText } from '../../lib/collate';
import { countBy, countOf } from '../../lib/counts';
import { deleteBlockers, describeBlockers } from '../../lib/dependants';
import { canCreate, canEdit } from '../../lib/permissions';
import { useSearch } from '../../lib/useSearch';
import { useCurrentUser } from '../../session/useSession';
import { CommunityFormModal } from './CommunityFormModal';
import { communitySearchSource } from './communitySearch';

type Editing = { community: Community | undefined } | null;

export function CommunitiesPage() {
  const { t } = useTranslation('communities');
  const user = useCurrentUser();
  const communities = useDocs('communities');
  const compounds = useDocs('compounds');
  const buildings = useDocs('buildings');
  const members = useDocs('members');
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Editing>(null);

  const sorted = useMemo(() => sortByName(communities.docs), [communities.docs]);
  const shown = useSearch(sorted, communitySearchSource, query);
  const counts = useMemo(
    () => ({
      compounds: countBy(compounds.docs, (doc) => doc.communityId),
      buildings: countBy(buildings.docs, (doc) => doc.communityId),
      members: countBy(members.docs, (doc) => doc.communityId),
    }),
    [compounds.docs, buildings.docs, members.docs],
  );
  const mayCreate = canCreate(user, 'communities');
  const knowsContents = (community: Community) => user.role === 'street_admin' || user.communityIds.includes(community.id);

  const blockedReason = (community: Community): string | undefined => {
    const blockers = deleteBlockers({ compounds: countOf(counts.compounds, community.id), members: countOf(counts.members, community.id) });
    if (blockers.length === 0) return undefined;
    const what = describeBlockers(blockers, (kind, count) => t(`dependants.${kind}`, { count }), t('dependants.separator'));
    return t('deleteBlocked', { name: community.name, what });
  };

  const columns: TableColumnsType<Community> = [
    { title: t('columns.name'), dataIndex: 'name', width: 180, sorter: (a, b) => compareText(a.name, b.name) },
    { title: t('columns.address'), dataIndex: 'address', ellipsis: true },
    { title: t('columns.phone'), dataIndex: 'phone', width: 150 },
    ...(['compounds', 'buildings', 'members'] as const).map((kind) => ({
      title: t(`columns.${kind}`),
      key: kind,
      width: 100,
      align: 'right' as const,
      // Staff hold only their own communities' documents, liaisons only their paired compounds:
      // a count elsewhere would read as a false zero.
      render: (_: unknown, community: Community) => (knowsContents(community) ? countOf(counts[kind], community.id) : '—'),
      sorter: (a: Community, b: Community) => countOf(counts[kind], a.id) - countOf(counts[kind], b.id),
    })),
  ];
  const history = (community: Community) => <RecordHistoryButton compact collection="communities" id={community.id} name={community.name} />;
  if (mayCreate) {
    const actions = rowActionsColumn<Community>({
      title: t('columns.actions'),
      editLabel: t('edit'),
      testIdPrefix: 'community',
      mayEdit: (community) => canEdit(user, 'communities', community),
      onEdit: (community) => setEditing({ community }),
      remove: (community) => ({
        title: t('deleteTitle', { name: community.name }),
        content: t('deleteContent'),
        blockedReason: blockedReason(community),
        onConfirm: () => removeDoc('communities', community.id),
      }),
    });
    columns.push({
      ...actions,
      width: 250,
      render: (value: unknown, community: Community, index: number) => (
        <Space size={0}>
          {actions.render?.(value, community, index) as ReactNode}
          {history(community)}
        </Space>
      ),
    });
  } else {
    columns.push({ title: t('columns.actions'), key: 'actions', width: 120, render: (_: unknown, community: Community) => history(community) });
  }

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          <>
            <ExportButton listName={t('title')} columns={columns} rows={shown} />
            {mayCreate && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ community: undefined })} data-testid="community-create">
                {t('create')}
              </Button>
            )}
          </>
        }
      />
      {!mayCreate && <Alert type="info" showIcon title={t('readOnly')} style={{ marginBottom: 16 }} />}
      <Input.Search
        allowClear
        placeholder={t('search')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        style={{ maxWidth: 360, marginBottom: 16 }}
        data-testid="community-search"
      />
      <Table<Community>
        rowKey="id"
        columns={columns}
        dataSource={shown}
        loading={communities.loading}
        pagination={false}
        size="middle"
        locale={{ emptyText: t('empty') }}
      />
      {editing && <CommunityFormModal community={editing.community} onClose={() => setEditing(null)} />}
    </>
  );
}
