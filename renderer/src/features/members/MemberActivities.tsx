// 参加的活动: the service activities that list the member among their participants, in the chosen
// year, and the member's service hours in each year they took part.
import { Card, Flex, Select, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity, Member } from '@domain/collections';
import { activityYear, memberHoursByYear } from '@domain/serviceHours';
import { useDocs } from '../../db/hooks';

const hoursText = (hours: number) => String(Math.round(hours * 10) / 10);

export function MemberActivities({ member }: { member: Member }) {
  const { t } = useTranslation('members');
  const activities = useDocs('activities', { selector: { communityId: member.communityId } });
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const joined = useMemo(() => activities.docs.filter((activity) => (activity.participantIds ?? []).includes(member.id)), [activities.docs, member.id]);
  const perYear = useMemo(() => memberHoursByYear(joined, member.id), [joined, member.id]);
  const inYear = useMemo(() => joined.filter((activity) => activityYear(activity) === year).sort((a, b) => b.date.localeCompare(a.date)), [joined, year]);
  const years = [...new Set([thisYear, ...perYear.map((row) => row.year)])].sort((a, b) => b - a);

  return (
    <Card
      title={t('activities.title')}
      size="small"
      style={{ marginTop: 24, maxWidth: 960 }}
      data-testid="member-activities"
      extra={
        <Select<number>
          size="small"
          value={year}
          onChange={setYear}
          options={years.map((value) => ({ value, label: t('activities.yearOption', { year: value }) }))}
          style={{ width: 110 }}
          data-testid="member-activities-year"
        />
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }} data-testid="member-activities-years">
        {perYear.length === 0 ? (
          <Typography.Text type="secondary">{t('activities.none')}</Typography.Text>
        ) : (
          perYear.map((row) => (
            <Tag key={row.year} color={row.year === year ? 'red' : undefined} data-testid={`member-hours-${row.year}`}>
              {t('activities.perYear', { year: row.year, count: row.activities, hours: hoursText(row.hours) })}
            </Tag>
          ))
        )}
      </Flex>
      <Table<Activity>
        rowKey="id"
        size="small"
        dataSource={inYear}
        loading={activities.loading}
        pagination={{ defaultPageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: t('activities.date'), dataIndex: 'date', width: 120 },
          { title: t('activities.name'), dataIndex: 'title' },
          { title: t('activities.kind'), dataIndex: 'kind', width: 120, render: (kind: Activity['kind']) => t(`activities.kinds.${kind}`) },
          { title: t('activities.hours'), dataIndex: 'hours', width: 100, align: 'right', render: (hours: number | undefined) => (hours === undefined ? '' : hoursText(hours)) },
        ]}
        locale={{ emptyText: t('activities.empty') }}
      />
    </Card>
  );
}
