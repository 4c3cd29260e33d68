// 社区年度目标: compound governance per community for the year, counted from the local data.
import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { compareText } from '../../lib/collate';
import type { CommunityTargets } from './targets';

type Count = Exclude<keyof CommunityTargets, 'communityId' | 'name'>;

const counts: readonly Count[] = ['compounds', 'pilots', 'branchesFounded', 'withBranch', 'withVenue', 'needs', 'openNeeds', 'overdueNeeds'];

export function TargetsTable({ rows, loading }: { rows: CommunityTargets[]; loading: boolean }) {
  const { t } = useTranslation('assessment');
  const columns: TableColumnsType<CommunityTargets> = [
    { title: t('targets.community'), dataIndex: 'name', width: 140, fixed: 'left', sorter: (a, b) => compareText(a.name, b.name) },
    ...counts.map(
      (key): TableColumnsType<CommunityTargets>[number] => ({
        title: t(`targets.${key}`),
        key,
        width: 110,
        align: 'right',
        sorter: (a, b) => a[key] - b[key],
        render: (_, row) =>
          key === 'overdueNeeds' && row[key] > 0 ? (
            <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid={`assessment-target-${row.communityId}-${key}`}>
              {row[key]}
            </Tag>
          ) : (
            <span data-testid={`assessment-target-${row.communityId}-${key}`}>{row[key]}</span>
          ),
      }),
    ),
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">{t('targets.help')}</Typography.Paragraph>
      <Table<CommunityTargets>
        rowKey="communityId"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('targets.empty') }}
      />
    </>
  );
}
