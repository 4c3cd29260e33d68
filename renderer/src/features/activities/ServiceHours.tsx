// 服务时长 and 未参加活动的报到党员: for the chosen year, each member's activities and hours (most
// first), or the reported in-service Party members who took part in none; both exportable.
import { Flex, Input, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Activity, Community, Compound, Member } from '@domain/collections';
import { ExportButton } from '../../components/export/ExportButton';
import { compareText } from '../../lib/collate';
import { byId } from '../../lib/counts';
import { paths } from '../../lib/paths';
import type { SearchSource } from '../../lib/search';
import { useSearch } from '../../lib/useSearch';
import { activityYears, hourRows, idleRows, type HourRow, type IdleRow } from './activityRows';

const hoursText = (hours: number) => String(Math.round(hours * 10) / 10);
const personSource = (row: { name: string; compoundName: string }): SearchSource => ({ personNames: [row.name], texts: [row.compoundName] });

interface ServiceHoursProps {
  view: 'hours' | 'idle';
  year: number;
  onYear: (year: number) => void;
  activities: readonly Activity[];
  members: readonly Member[];
  communities: readonly Community[];
  compounds: readonly Compound[];
}

export function ServiceHours({ view, year, onYear, activities, members, communities, compounds }: ServiceHoursProps) {
  const { t } = useTranslation('activities');
  const [query, setQuery] = useState('');
  const years = activityYears(activities, new Date().getFullYear());
  const communityById = useMemo(() => byId(communities), [communities]);
  const compoundById = useMemo(() => byId(compounds), [compounds]);
  const hours = useMemo(
    () => hourRows(activities, year, byId(members), communityById, compoundById, compareText),
    [activities, year, members, communityById, compoundById],
  );
  const idle = useMemo(() => idleRows(members, activities, year, communityById, compoundById, compareText), [members, activities, year, communityById, compoundById]);
  const shownHours = useSearch(hours, personSource, query);
  const shownIdle = useSearch(idle, personSource, query);
  const nameLink = (id: string, name: string) => (
    <Link to={paths.member(id)} data-testid={`activities-member-${id}`}>
      {name}
    </Link>
  );

  const hourColumns: TableColumnsType<HourRow> = [
    { title: t('hours.columns.name'), key: 'name', render: (_, row) => (row.member ? nameLink(row.id, row.name) : t('unknownMember')) },
    { title: t('hours.columns.community'), dataIndex: 'communityName' },
    { title: t('hours.columns.compound'), dataIndex: 'compoundName' },
    { title: t('hours.columns.category'), dataIndex: 'category', render: (category: HourRow['category']) => category && t(`categories.${category}`) },
    { title: t('hours.columns.activities'), dataIndex: 'activities', align: 'right', sorter: (a, b) => a.activities - b.activities },
    { title: t('hours.columns.hours'), dataIndex: 'hours', align: 'right', render: hoursText, sorter: (a, b) => a.hours - b.hours },
  ];
  const idleColumns: TableColumnsType<IdleRow> = [
    { title: t('idle.columns.name'), key: 'name', render: (_, row) => nameLink(row.id, row.name) },
    { title: t('idle.columns.community'), dataIndex: 'communityName' },
    { title: t('idle.columns.compound'), dataIndex: 'compoundName' },
    { title: t('idle.columns.reportedOn'), key: 'reportedOn', render: (_, row) => row.report?.date ?? '' },
    { title: t('idle.columns.workUnit'), dataIndex: 'workUnit' },
  ];
  const totalHours = hours.reduce((sum, row) => sum + row.hours, 0);

  return (
    <>
      <Flex gap={12} wrap align="center" justify="space-between" style={{ marginBottom: 12 }}>
        <Flex gap={12} wrap align="center">
          <Typography.Text>{t('hours.year')}</Typography.Text>
          <Select<number>
            value={year}
            onChange={onYear}
            options={years.map((value) => ({ value, label: t('filters.yearOption', { year: value }) }))}
            style={{ width: 120 }}
            data-testid={`activities-${view}-year`}
          />
          <Input.Search
            allowClear
            placeholder={t('hours.search')}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            style={{ width: 270 }}
            data-testid={`activities-${view}-search`}
          />
          <Typography.Text type="secondary" data-testid={`activities-${view}-count`}>
            {view === 'hours'
              ? t('hours.count', { count: hours.length, year, hours: hoursText(totalHours) })
              : t('idle.count', { count: idle.length, year })}
          </Typography.Text>
        </Flex>
        {view === 'hours' ? (
          <ExportButton
            listName={t('hours.exportName', { year })}
            columns={hourColumns}
            rows={shownHours}
            overrides={{ name: (row) => row.name, category: (row) => (row.category === undefined ? '' : t(`categories.${row.category}`)) }}
          />
        ) : (
          <ExportButton listName={t('idle.exportName', { year })} columns={idleColumns} rows={shownIdle} overrides={{ name: (row) => row.name }} />
        )}
      </Flex>
      {view === 'hours' ? (
        <Table<HourRow>
          rowKey="id"
          columns={hourColumns}
          dataSource={shownHours}
          pagination={{ defaultPageSize: 50, hideOnSinglePage: true, showSizeChanger: true }}
          size="small"
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('hours.empty') }}
          data-testid="activities-hours-table"
        />
      ) : (
        <Table<IdleRow>
          rowKey="id"
          columns={idleColumns}
          dataSource={shownIdle}
          pagination={{ defaultPageSize: 50, hideOnSinglePage: true, showSizeChanger: true }}
          size="small"
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('idle.empty') }}
          data-testid="activities-idle-table"
        />
      )}
    </>
  );
}
