// The activities tab: filters (compound, kind, year, dates), search, the table with each activity's
// participants and person-hours, and its totals; exportable as shown.
import { DatePicker, Flex, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Activity, Community, Compound } from '@domain/collections';
import { removeDoc } from '../../db/write';
import { ExportButton } from '../../components/export/ExportButton';
import { rowActionsColumn } from '../../components/RowActions';
import { compareText, sortByName } from '../../lib/collate';
import { byId } from '../../lib/counts';
import { paths } from '../../lib/paths';
import { useLongList, widthOf } from '../../lib/useLongList';
import { useSearch } from '../../lib/useSearch';
import { activityKinds, type ActivityKind } from './activityDoc';
import { activitySearchSource, activityRows, activityTotals, activityYears, filterActivities, type ActivityFilters, type ActivityRow } from './activityRows';

export const activityKindColors: Record<ActivityKind, string> = { deliberation: 'blue', study: 'purple', service: 'red', meeting: 'cyan' };
const DATE_FORMAT = 'YYYY-MM-DD';
/** Hours to one decimal, as the form takes them (half hours). */
const hoursText = (hours: number) => String(Math.round(hours * 10) / 10);

interface ActivityListProps {
  activities: readonly Activity[];
  loading: boolean;
  communities: readonly Community[];
  /** The compounds of the communities shown. */
  compounds: readonly Compound[];
  filters: ActivityFilters;
  onFilters: (filters: ActivityFilters) => void;
  mayEdit: (activity: Activity) => boolean;
  onEdit: (activity: Activity) => void;
}

export function ActivityList({ activities, loading, communities, compounds, filters, onFilters, mayEdit, onEdit }: ActivityListProps) {
  const { t } = useTranslation('activities');
  const [query, setQuery] = useState('');
  const rows = useMemo(() => activityRows(activities, byId(communities), byId(compounds)), [activities, communities, compounds]);
  const found = useSearch(rows, activitySearchSource, query);
  const shown = useMemo(() => filterActivities(found, filters), [found, filters]);
  const totals = activityTotals(shown);
  const years = activityYears(activities, new Date().getFullYear());
  const compoundOptions = sortByName(compounds).map((compound) => ({ value: compound.id, label: compound.name }));

  const columns: TableColumnsType<ActivityRow> = [
    { title: t('columns.date'), dataIndex: 'date', width: 110, sorter: (a, b) => a.date.localeCompare(b.date) },
    { title: t('columns.community'), dataIndex: 'communityName', width: 120, sorter: (a, b) => compareText(a.communityName, b.communityName) },
    {
      title: t('columns.compound'),
      key: 'compound',
      width: 160,
      sorter: (a, b) => compareText(a.compoundName, b.compoundName),
      render: (_, row) => (row.compoundId === undefined ? '' : <Link to={paths.compound(row.compoundId)}>{row.compoundName}</Link>),
    },
    { title: t('columns.venue'), dataIndex: 'venueName', width: 140 },
    {
      title: t('columns.kind'),
      key: 'kind',
      width: 90,
      render: (_, row) => <Tag color={activityKindColors[row.kind]}>{t(`kinds.${row.kind}`)}</Tag>,
      sorter: (a, b) => activityKinds.indexOf(a.kind) - activityKinds.indexOf(b.kind),
    },
    { title: t('columns.title'), dataIndex: 'title', width: 240, sorter: (a, b) => compareText(a.title, b.title) },
    { title: t('columns.participants'), dataIndex: 'participantCount', width: 90, align: 'right', sorter: (a, b) => a.participantCount - b.participantCount },
    { title: t('columns.hours'), dataIndex: 'hours', width: 80, align: 'right', render: (hours: number | undefined) => (hours === undefined ? '' : hoursText(hours)) },
    { title: t('columns.personHours'), dataIndex: 'personHours', width: 90, align: 'right', render: hoursText, sorter: (a, b) => a.personHours - b.personHours },
    rowActionsColumn<ActivityRow>({
      title: t('columns.actions'),
      editLabel: t('edit'),
      testIdPrefix: 'activity',
      mayEdit,
      onEdit,
      remove: (row) => ({ title: t('deleteTitle', { title: row.title }), content: t('deleteContent'), onConfirm: () => removeDoc('activities', row.id) }),
    }),
  ];
  // Years of activities in a street: once long, only the rows in view are rendered.
  const long = useLongList(shown.length, widthOf(columns));

  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={t('search')} value={query} onChange={(event) => setQuery(event.target.value)} style={{ width: 300 }} data-testid="activities-search" />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('filters.compound')}
          value={filters.compoundId}
          onChange={(compoundId: string | undefined) => onFilters({ ...filters, compoundId })}
          options={compoundOptions}
          style={{ width: 170 }}
          data-testid="activities-filter-compound"
        />
        <Select<ActivityKind>
          allowClear
          placeholder={t('filters.kind')}
          value={filters.kind}
          onChange={(kind) => onFilters({ ...filters, kind })}
          options={activityKinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
          style={{ width: 130 }}
          data-testid="activities-filter-kind"
        />
        <Select<number>
          allowClear
          placeholder={t('filters.year')}
          value={filters.year}
          onChange={(year) => onFilters({ ...filters, year })}
          options={years.map((year) => ({ value: year, label: t('filters.yearOption', { year }) }))}
          style={{ width: 120 }}
          data-testid="activities-filter-year"
        />
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          placeholder={[t('filters.from'), t('filters.to')]}
          value={[filters.from === undefined ? null : dayjs(filters.from, DATE_FORMAT), filters.to === undefined ? null : dayjs(filters.to, DATE_FORMAT)]}
          onChange={(range) => onFilters({ ...filters, from: range?.[0]?.format(DATE_FORMAT), to: range?.[1]?.format(DATE_FORMAT) })}
          data-testid="activities-filter-dates"
        />
      </Flex>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary" data-testid="activities-total">
          {t('total', { count: totals.activities, participations: totals.participations, personHours: hoursText(totals.personHours) })}
        </Typography.Text>
        <ExportButton listName={t('title')} columns={columns} rows={shown} overrides={{ kind: (row) => t(`kinds.${row.kind}`), compound: (row) => row.compoundName }} />
      </Flex>
      <div ref={long.ref}>
        <Table<ActivityRow>
          virtual={long.virtual}
          rowKey="id"
          columns={columns}
          dataSource={shown}
          loading={loading}
          pagination={long.virtual ? false : { defaultPageSize: 50, hideOnSinglePage: true, showSizeChanger: true }}
          size="small"
          scroll={long.scroll}
          locale={{ emptyText: activities.length === 0 ? t('empty') : t('emptyFiltered') }}
          data-testid="activities-table"
        />
      </div>
    </>
  );
}
