// A building's claim history (认领记录): every claim and step-down, newest first, with what became
// of it — a claim that lost to another device's during sync shows as 未生效, never silently gone.
import { Drawer, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Building } from '@domain/collections';
import { claimHistory, claimOutcomes, type ClaimOutcome, type LeaderClaim } from '@domain/leaders';
import { useCurrentUser } from '../../session/useSession';
import { useBuildingLeaderNames } from './useBuildingLeaderNames';

const outcomeColors: Record<ClaimOutcome, string> = { current: 'green', past: 'default', lost: 'orange' };

export function BuildingLeaderHistory({ building, onClose }: { building: Building; onClose: () => void }) {
  const { t } = useTranslation('compounds');
  const user = useCurrentUser();
  const history = useMemo(() => claimHistory(building), [building]);
  const outcomes = useMemo(() => claimOutcomes(building), [building]);
  const { names } = useBuildingLeaderNames(useMemo(() => history.map((claim) => claim.memberId), [history]));

  const columns: TableColumnsType<LeaderClaim> = [
    { title: t('leaders.historyColumns.at'), dataIndex: 'at', width: 150, render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
    { title: t('leaders.historyColumns.action'), dataIndex: 'action', width: 70, render: (action: LeaderClaim['action']) => t(`leaders.actions.${action}`) },
    { title: t('leaders.historyColumns.member'), dataIndex: 'memberId', render: (id: string) => names.get(id) ?? t('leaders.unknownMember') },
    { title: t('leaders.historyColumns.by'), dataIndex: 'by', render: (by: string) => (by === user.username ? `${by}${t('leaders.me')}` : by) },
    {
      title: t('leaders.historyColumns.outcome'),
      key: 'outcome',
      render: (_, claim) => {
        const outcome = outcomes.get(claim.id) ?? 'past';
        const tag = (
          <Tag color={outcomeColors[outcome]} data-testid={`leader-outcome-${outcome}`}>
            {t(`leaders.outcomes.${outcome}`)}
          </Tag>
        );
        return outcome === 'lost' ? <Tooltip title={t('leaders.lostHint')}>{tag}</Tooltip> : tag;
      },
    },
  ];

  return (
    <Drawer open title={t('leaders.historyTitle', { building: building.name })} onClose={onClose} size={640} data-testid="leader-history">
      <Table<LeaderClaim>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={history}
        locale={{ emptyText: t('leaders.historyEmpty') }}
        data-testid="leader-history-table"
      />
    </Drawer>
  );
}
