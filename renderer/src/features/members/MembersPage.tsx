// 队伍成员: thousands of people in one smooth (virtualised) list, found by name, pinyin initials,
// the last digits of a mobile or their building. ID numbers and mobiles are masked here.
import { Button, Flex, Input, Table, Typography } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocs } from '../../db/hooks';
import { ExportButton } from '../../components/export/ExportButton';
import { DuplicatesNotice } from '../../components/DuplicatesNotice';
import { PageHeader } from '../../components/PageHeader';
import { sortByName } from '../../lib/collate';
import { byId } from '../../lib/counts';
import { paths } from '../../lib/paths';
import { canCreate, canEdit, visibleCommunities, writableCommunities } from '../../lib/permissions';
import { useAvailableHeight } from '../../lib/useAvailableHeight';
import { useSearch } from '../../lib/useSearch';
import { useCurrentUser } from '../../session/useSession';
import { memberColumns } from './memberColumns';
import { MemberFilterBar } from './MemberFilterBar';
import { filterMembers, memberRows, memberSearchSource, type MemberFilters, type MemberRow } from './memberRows';

const TABLE_WIDTH = 1400;
const NO_ROWS: MemberRow[] = [];
// Beside the scrolling rows the table has its header (taller in English, where titles wrap), a
// horizontal scrollbar, and the layout's bottom padding.
const SCROLLBAR_AND_PADDING = 48;
const reserveBelow = (element: HTMLElement) =>
  (element.querySelector<HTMLElement>('.ant-table-header')?.offsetHeight ?? 40) + SCROLLBAR_AND_PADDING;

export function MembersPage() {
  const { t } = useTranslation('members');
  const user = useCurrentUser();
  const members = useDocs('members');
  const communities = useDocs('communities');
  const compounds = useDocs('compounds');
  const buildings = useDocs('buildings');
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<MemberFilters>({});
  const { ref, height } = useAvailableHeight(reserveBelow);

  // One list, once everything it shows has been read: each collection arriving on its own would
  // re-render the table with half its names each time.
  const loading = members.loading || communities.loading || compounds.loading || buildings.loading;
  // Sorted by name (pinyin collation, the costly part with tens of thousands of members) only when
  // the members change; joining the names of where they live keeps that order at linear cost.
  const byName = useMemo(() => sortByName(members.docs), [members.docs]);
  const rows = useMemo(
    () => (loading ? NO_ROWS : memberRows(byName, byId(communities.docs), byId(compounds.docs), byId(buildings.docs))),
    [loading, byName, communities.docs, compounds.docs, buildings.docs],
  );
  const found = useSearch(rows, memberSearchSource, query);
  const shown = useMemo(() => filterMembers(found, filters), [found, filters]);
  const mayCreate = canCreate(user, 'members') && writableCommunities(user, communities.docs).length > 0;
  const columns = useMemo(() => memberColumns(t, (row: MemberRow) => canEdit(user, 'members', row)), [t, user]);

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          mayCreate && (
            <>
              <Link to={paths.rosterImport('members')}>
                <Button icon={<UploadOutlined />} data-testid="member-import">
                  {t('import')}
                </Button>
              </Link>
              <Link to={paths.newMember({ communityId: filters.communityId, compoundId: filters.compoundId })}>
                <Button type="primary" icon={<PlusOutlined />} data-testid="member-create">
                  {t('create')}
                </Button>
              </Link>
            </>
          )
        }
      />
      <DuplicatesNotice />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('search')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          style={{ width: 360 }}
          data-testid="member-search"
        />
        <MemberFilterBar communities={visibleCommunities(user, communities.docs)} compounds={compounds.docs} filters={filters} onChange={setFilters} />
        <Typography.Text type="secondary" data-testid="member-total">
          {t('total', { count: shown.length })}
        </Typography.Text>
        <ExportButton listName={t('title')} columns={columns} rows={shown} />
      </Flex>
      <div ref={ref}>
        <Table<MemberRow>
          virtual
          rowKey="id"
          columns={columns}
          dataSource={shown}
          loading={loading}
          pagination={false}
          size="small"
          scroll={{ x: TABLE_WIDTH, y: height }}
          locale={{ emptyText: rows.length === 0 ? t('empty') : t('emptyFiltered') }}
          data-testid="member-table"
        />
      </div>
    </>
  );
}
