// 问题清单: the needs in the person's scope, as a list with filters or a board by state. What came
// in or moved since the person last looked stands out; overdue ones come first.
import { Button, Flex, Input, Segmented, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useArrivals, useDocs } from '../../db/hooks';
import { ExportButton } from '../../components/export/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { lastLooked, markLooked } from '../../lib/needsSeen';
import { canCreate, writableCommunities } from '../../lib/permissions';
import { useLongList, widthOf } from '../../lib/useLongList';
import { useSearch } from '../../lib/useSearch';
import { needColumns } from './needColumns';
import { NeedFilterBar } from './NeedFilterBar';
import { NeedFormModal } from './NeedFormModal';
import { needRowsOf } from './needLookups';
import { filterNeedRows, filtersFromQuery, needSearchSource, queryWithFilters, type NeedFilters } from './needRows';
import { NeedsBoard } from './NeedsBoard';
import { useNeedLookups } from './useNeedLookups';
import { useNeedTexts } from './useNeedTexts';

type View = 'list' | 'board';
const VIEW_KEY = 'cg.needs.view';
const storedView = (): View => (localStorage.getItem(VIEW_KEY) === 'board' ? 'board' : 'list');

export function NeedsPage() {
  const texts = useNeedTexts();
  const { t } = texts;
  const { user, lookups, actor, compounds, buildings, units, communities } = useNeedLookups();
  const needs = useDocs('needs');
  const arrivals = useArrivals('needs');
  // What was new when the page opened stays marked while it is open; the header's count clears.
  const [since] = useState(() => lastLooked(user.id));
  useEffect(() => {
    markLooked(user.id);
    return () => markLooked(user.id);
  }, [user.id]);
  const [view, setView] = useState<View>(storedView);
  const [query, setQuery] = useState('');
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => filtersFromQuery(search), [search]);
  const setFilters = (next: NeedFilters) => setSearch(queryWithFilters(search, next), { replace: true });

  const staff = user.role !== 'department_liaison';
  const writable = useMemo(() => {
    const communityIds = new Set(writableCommunities(user, communities.docs).map((community) => community.id));
    return compounds.docs.filter((compound) => communityIds.has(compound.communityId));
  }, [user, communities.docs, compounds.docs]);
  const mayCreate = staff && canCreate(user, 'needs') && writable.length > 0;
  // `?new=<compoundId>` (the compound page's button) opens the form with that compound chosen.
  const newFor = search.get('new');
  const [creating, setCreating] = useState(false);
  const formOpen = mayCreate && (creating || newFor !== null);
  const closeForm = () => {
    setCreating(false);
    if (newFor !== null) {
      const next = new URLSearchParams(search);
      next.delete('new');
      setSearch(next, { replace: true });
    }
  };

  const writableIds = new Set(writable.map((compound) => compound.id));
  const defaultCompoundId = [newFor, filters.compoundId, writable.length === 1 ? writable[0]?.id : undefined].find(
    (id): id is string => typeof id === 'string' && writableIds.has(id),
  );

  const rows = useMemo(() => needRowsOf(needs.docs, lookups, { userId: user.id, since, arrivals }, new Date()), [needs.docs, lookups, user.id, since, arrivals]);
  const found = useSearch(rows, needSearchSource, query);
  const shown = useMemo(() => filterNeedRows(found, filters), [found, filters]);
  const departments = useMemo(() => units.docs.filter((unit) => unit.kind === 'department'), [units.docs]);
  const columns = needColumns(texts);
  // Fifty thousand needs in a street: one list that scrolls, only the rows in view rendered.
  const long = useLongList(shown.length, widthOf(columns));

  const changeView = (next: View) => {
    localStorage.setItem(VIEW_KEY, next);
    setView(next);
  };

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('total', { count: shown.length })}
        extra={
          mayCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="needs-new">
              {t('create')}
            </Button>
          )
        }
      />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Segmented<View>
          value={view}
          onChange={changeView}
          options={[
            { value: 'list', label: t('views.list') },
            { value: 'board', label: t('views.board') },
          ]}
          data-testid="needs-view"
        />
        <Input.Search allowClear placeholder={t('search')} value={query} onChange={(event) => setQuery(event.target.value)} style={{ width: 320 }} data-testid="needs-search" />
        <NeedFilterBar filters={filters} onChange={setFilters} compounds={compounds.docs} buildings={buildings.docs} departments={departments} staff={staff} />
        {staff && (
          <ExportButton
            listName={t('title')}
            columns={columns}
            rows={shown}
            overrides={{
              description: (row) => row.need.description,
              urgency: (row) => texts.urgencyName(row.need.urgency ?? 'normal'),
              state: (row) => texts.stateName(row.need.state),
              dueOn: (row) => row.dueOn ?? null,
            }}
          />
        )}
      </Flex>
      {view === 'list' ? (
        <div ref={long.ref}>
          <Table
            virtual={long.virtual}
            rowKey="id"
            columns={columns}
            dataSource={shown}
            loading={needs.loading}
            pagination={long.virtual ? false : { defaultPageSize: 50, hideOnSinglePage: true, showSizeChanger: true }}
            size="middle"
            scroll={long.scroll}
            locale={{ emptyText: needs.docs.length === 0 ? t('empty') : t('emptyFiltered') }}
            data-testid="needs-table"
          />
        </div>
      ) : (
        <NeedsBoard rows={shown} />
      )}
      {formOpen && (
        <NeedFormModal
          need={undefined}
          compounds={writable}
          communities={communities.docs}
          buildings={buildings.docs}
          categories={lookups.categories}
          actor={actor}
          defaultCompoundId={defaultCompoundId}
          onClose={closeForm}
        />
      )}
    </>
  );
}
