// 网格: the grids of the person's communities with what each covers and how many people serve
// it, found by name, pinyin initials or code, and filtered by community.
import { Button, Flex, Input, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Grid } from '@domain/collections';
import { useDocs } from '../../db/hooks';
import { removeDoc } from '../../db/write';
import { CommunitySelect } from '../../components/CommunitySelect';
import { ExportButton } from '../../components/export/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { rowActionsColumn } from '../../components/RowActions';
import { compareText } from '../../lib/collate';
import { byId, countBy, countOf } from '../../lib/counts';
import { canCreate, canEdit, visibleCommunities, writableCommunities } from '../../lib/permissions';
import { paths } from '../../lib/paths';
import { useSearch } from '../../lib/useSearch';
import { useCurrentUser } from '../../session/useSession';
import { GridFormModal } from './GridFormModal';
import { filterGrids, gridCounts, gridSearchSource, peopleCounts, sortGrids, type GridFilters } from './gridModel';

type Editing = { grid: Grid | undefined } | null;

export function GridsPage() {
  const { t } = useTranslation('grids');
  const user = useCurrentUser();
  const grids = useDocs('grids');
  const communities = useDocs('communities');
  const members = useDocs('members');
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<GridFilters>({});
  const [editing, setEditing] = useState<Editing>(null);

  const communityById = useMemo(() => byId(communities.docs), [communities.docs]);
  const communityName = (grid: Grid) => communityById.get(grid.communityId)?.name ?? '';
  const sorted = useMemo(() => sortGrids(grids.docs, (id) => communityById.get(id)?.name ?? ''), [grids.docs, communityById]);
  const found = useSearch(sorted, gridSearchSource, query);
  const shown = useMemo(() => filterGrids(found, filters), [found, filters]);
  const people = useMemo(() => peopleCounts(grids.docs, members.docs), [grids.docs, members.docs]);
  const placed = useMemo(() => countBy(members.docs, (member) => member.gridId), [members.docs]);
  const memberById = useMemo(() => byId(members.docs), [members.docs]);
  const visible = visibleCommunities(user, communities.docs);
  const writable = writableCommunities(user, communities.docs);
  const mayCreate = canCreate(user, 'grids') && writable.length > 0;
  const defaultCommunityId = filters.communityId ?? (writable.length === 1 ? writable[0]?.id : undefined);
  const deleteReason = (grid: Grid) => {
    const count = countOf(placed, grid.id);
    return count > 0 ? t('deleteBlocked', { name: grid.name, count }) : undefined;
  };
  const workerNames = (grid: Grid) =>
    (grid.gridWorkerIds ?? [])
      .flatMap((id) => memberById.get(id)?.name ?? [])
      .join('、');

  const columns: TableColumnsType<Grid> = [
    {
      title: t('columns.name'),
      dataIndex: 'name',
      width: 170,
      sorter: (a, b) => compareText(a.name, b.name),
      render: (name: string, grid) => (
        <Link to={paths.grid(grid.id)} data-testid={`grid-link-${grid.id}`}>
          {name}
        </Link>
      ),
    },
    { title: t('columns.code'), dataIndex: 'code', width: 90, sorter: (a, b) => compareText(a.code, b.code) },
    { title: t('columns.community'), key: 'community', width: 140, render: (_, grid) => communityName(grid), sorter: (a, b) => compareText(communityName(a), communityName(b)) },
    {
      title: t('columns.compounds'),
      key: 'compounds',
      width: 90,
      align: 'right',
      render: (_, grid) => gridCounts(grid, people).compounds,
      sorter: (a, b) => gridCounts(a, people).compounds - gridCounts(b, people).compounds,
    },
    {
      title: t('columns.buildings'),
      key: 'buildings',
      width: 90,
      align: 'right',
      render: (_, grid) => gridCounts(grid, people).buildings,
      sorter: (a, b) => gridCounts(a, people).buildings - gridCounts(b, people).buildings,
    },
    {
      title: t('columns.people'),
      key: 'people',
      width: 90,
      align: 'right',
      render: (_, grid) => gridCounts(grid, people).people,
      sorter: (a, b) => gridCounts(a, people).people - gridCounts(b, people).people,
    },
    { title: t('columns.gridWorkers'), key: 'gridWorkers', width: 160, ellipsis: true, render: (_, grid) => workerNames(grid) },
  ];
  if (mayCreate) {
    columns.push(
      rowActionsColumn<Grid>({
        title: t('columns.actions'),
        editLabel: t('edit'),
        testIdPrefix: 'grid',
        mayEdit: (grid) => canEdit(user, 'grids', grid),
        onEdit: (grid) => setEditing({ grid }),
        remove: (grid) => ({
          title: t('deleteTitle', { name: grid.name }),
          content: t('deleteContent'),
          blockedReason: deleteReason(grid),
          onConfirm: () => removeDoc('grids', grid.id),
        }),
      }),
    );
  }

  const editingGrid = editing?.grid;
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          mayCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ grid: undefined })} data-testid="grid-create">
              {t('create')}
            </Button>
          )
        }
      />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('search')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          style={{ width: 320 }}
          data-testid="grid-search"
        />
        {visible.length > 1 && (
          <CommunitySelect
            communities={visible}
            value={filters.communityId}
            onChange={(communityId) => setFilters({ ...filters, communityId })}
            placeholder={t('allCommunities')}
            allowClear
            style={{ width: 160 }}
            testId="grid-filter-community"
          />
        )}
        <Typography.Text type="secondary" data-testid="grid-total">
          {t('total', { count: shown.length })}
        </Typography.Text>
        <ExportButton listName={t('title')} columns={columns} rows={shown} />
      </Flex>
      <Table<Grid>
        rowKey="id"
        columns={columns}
        dataSource={shown}
        loading={grids.loading}
        pagination={{ defaultPageSize: 50, hideOnSinglePage: true, showSizeChanger: true }}
        size="middle"
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: grids.docs.length === 0 ? t('empty') : t('emptyFiltered') }}
        data-testid="grid-table"
      />
      {editing && (editingGrid ? canEdit(user, 'grids', editingGrid) : mayCreate) && (
        <GridFormModal
          grid={editingGrid}
          communities={writable}
          defaultCommunityId={defaultCommunityId}
          communityLocked={editingGrid !== undefined && countOf(placed, editingGrid.id) > 0}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
