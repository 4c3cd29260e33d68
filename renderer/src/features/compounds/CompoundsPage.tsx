// 小区: the compounds in the person's scope, found by name, pinyin initials or address, and
// filtered by community, pilot and property management.
import { Button, Flex, Input, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Compound } from '@domain/collections';
import { compoundIdsWithBranch } from '@domain/orgTree';
import { useDocs } from '../../db/hooks';
import { removeDoc } from '../../db/write';
import { rowActionsColumn } from '../../components/RowActions';
import { ExportButton } from '../../components/export/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { compareText, sortByName } from '../../lib/collate';
import { byId, countOf } from '../../lib/counts';
import { paths } from '../../lib/paths';
import { canCreate, canEdit, visibleCommunities, writableCommunities } from '../../lib/permissions';
import { useLongList, widthOf } from '../../lib/useLongList';
import { useSearch } from '../../lib/useSearch';
import { useCurrentUser } from '../../session/useSession';
import { CompoundFilterBar } from './CompoundFilterBar';
import { compoundSearchSource, filterCompounds, type CompoundFilters } from './compoundFilters';
import { CompoundFormModal } from './CompoundFormModal';
import { PropertyText } from './PropertyText';
import { useCompoundDeleteReason, useCompoundDependants } from './useCompoundDependants';

type Editing = { compound: Compound | undefined } | null;

export function CompoundsPage() {
  const { t } = useTranslation('compounds');
  const user = useCurrentUser();
  const compounds = useDocs('compounds');
  const communities = useDocs('communities');
  const dependants = useCompoundDependants();
  const orgs = useDocs('orgs');
  const withBranch = useMemo(() => compoundIdsWithBranch(orgs.docs), [orgs.docs]);
  const deleteReason = useCompoundDeleteReason(dependants);
  const [query, setQuery] = useState('');
  // Links from the home page open the list on one community, or straight at the new-compound form.
  const [search] = useSearchParams();
  const [filters, setFilters] = useState<CompoundFilters>(() => ({ communityId: search.get('communityId') ?? undefined }));
  const [editing, setEditing] = useState<Editing>(() => (search.get('create') === '1' ? { compound: undefined } : null));

  const communityById = useMemo(() => byId(communities.docs), [communities.docs]);
  const sorted = useMemo(() => sortByName(compounds.docs), [compounds.docs]);
  const found = useSearch(sorted, compoundSearchSource, query);
  const shown = useMemo(() => filterCompounds(found, filters), [found, filters]);
  const writable = writableCommunities(user, communities.docs);
  const mayCreate = canCreate(user, 'compounds') && writable.length > 0;
  const defaultCommunityId = filters.communityId ?? (writable.length === 1 ? writable[0]?.id : undefined);
  const communityName = (compound: Compound) => communityById.get(compound.communityId)?.name ?? '';

  const columns: TableColumnsType<Compound> = [
    {
      title: t('columns.name'),
      dataIndex: 'name',
      width: 200,
      sorter: (a, b) => compareText(a.name, b.name),
      render: (name: string, compound) => <Link to={paths.compound(compound.id)}>{name}</Link>,
    },
    { title: t('columns.community'), key: 'community', width: 140, render: (_, compound) => communityName(compound), sorter: (a, b) => compareText(communityName(a), communityName(b)) },
    { title: t('columns.property'), key: 'property', width: 200, render: (_, compound) => <PropertyText compound={compound} /> },
    { title: t('columns.residents'), dataIndex: 'residentCount', width: 100, align: 'right', sorter: (a, b) => a.residentCount - b.residentCount },
    {
      title: t('columns.buildings'),
      key: 'buildings',
      width: 90,
      align: 'right',
      render: (_, compound) => countOf(dependants.buildings, compound.id),
      sorter: (a, b) => countOf(dependants.buildings, a.id) - countOf(dependants.buildings, b.id),
    },
    { title: t('columns.pilot'), dataIndex: 'pilot', width: 80, render: (pilot: boolean) => pilot && <Tag color="red">{t('pilotTag')}</Tag> },
  ];
  // 一区一支: flag compounds without a branch. Liaisons read no orgs, so they are not told.
  if (user.role !== 'department_liaison') {
    const hasBranch = (compound: Compound) => withBranch.has(compound.id);
    columns.push({
      title: t('orgs.column'),
      key: 'branch',
      width: 120,
      render: (_, compound) => (hasBranch(compound) ? t('orgs.hasBranch') : <Tag color="orange">{t('orgs.noBranchTag')}</Tag>),
      sorter: (a, b) => Number(hasBranch(a)) - Number(hasBranch(b)),
    });
  }
  if (mayCreate) {
    columns.push(
      rowActionsColumn<Compound>({
        title: t('columns.actions'),
        editLabel: t('edit'),
        testIdPrefix: 'compound',
        mayEdit: (compound) => canEdit(user, 'compounds', compound),
        onEdit: (compound) => setEditing({ compound }),
        remove: (compound) => ({
          title: t('deleteTitle', { name: compound.name }),
          content: t('deleteContent'),
          blockedReason: deleteReason(compound),
          onConfirm: () => removeDoc('compounds', compound.id),
        }),
      }),
    );
  }

  // A street of hundreds of compounds: once long, the list scrolls with only the rows in view rendered.
  const long = useLongList(shown.length, widthOf(columns));
  const editingCompound = editing?.compound;
  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          mayCreate && (
            <>
              <Link to={paths.rosterImport('compounds')}>
                <Button icon={<UploadOutlined />} data-testid="compound-import">
                  {t('import')}
                </Button>
              </Link>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ compound: undefined })} data-testid="compound-create">
                {t('create')}
              </Button>
            </>
          )
        }
      />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('search')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          style={{ width: 340 }}
          data-testid="compound-search"
        />
        <CompoundFilterBar communities={visibleCommunities(user, communities.docs)} filters={filters} onChange={setFilters} />
        <Typography.Text type="secondary">{t('total', { count: shown.length })}</Typography.Text>
        <ExportButton listName={t('title')} columns={columns} rows={shown} />
      </Flex>
      <div ref={long.ref}>
        <Table<Compound>
          virtual={long.virtual}
          rowKey="id"
          columns={columns}
          dataSource={shown}
          loading={compounds.loading}
          pagination={false}
          size="middle"
          scroll={long.scroll}
          locale={{ emptyText: compounds.docs.length === 0 ? t('empty') : t('emptyFiltered') }}
          data-testid="compound-table"
        />
      </div>
      {editing && (editingCompound ? canEdit(user, 'compounds', editingCompound) : mayCreate) && (
        <CompoundFormModal
          compound={editingCompound}
          communities={writable}
          defaultCommunityId={defaultCommunityId}
          communityLocked={editingCompound !== undefined && (countOf(dependants.buildings, editingCompound.id) > 0 || countOf(dependants.members, editingCompound.id) > 0)}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
