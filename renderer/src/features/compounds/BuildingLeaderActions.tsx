// A building row's leader actions: claim or change (认领/更换), step down (卸任), and the history.
import { App, Button, Space } from 'antd';
import { HistoryOutlined, LogoutOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Building } from '@domain/collections';
import { releaseLeader } from '@domain/leaders';
import { saveDoc } from '../../db/write';
import { BuildingLeaderHistory } from './BuildingLeaderHistory';
import { BuildingLeaderModal } from './BuildingLeaderModal';
import { useLeaderChangeContext } from './useLeaderChangeContext';

// A spread, because a hyphenated attribute is not among ButtonProps' declared keys.
const releaseOkTestId = { 'data-testid': 'leader-release-ok' };

interface BuildingLeaderActionsProps {
  building: Building;
  leaderName: string | undefined;
  mayEdit: boolean;
}

export function BuildingLeaderActions({ building, leaderName, mayEdit }: BuildingLeaderActionsProps) {
  const { t } = useTranslation('compounds');
  const { modal, message } = App.useApp();
  const changeContext = useLeaderChangeContext();
  const [open, setOpen] = useState<'claim' | 'history' | null>(null);
  const hasLeader = building.leaderMemberId !== undefined;

  const release = () => {
    // The row as it was when the person asked: saveDoc keeps any change pulled meanwhile.
    const base = building;
    const name = leaderName ?? t('leaders.unknownMember');
    modal.confirm({
      title: t('leaders.releaseTitle', { name, building: base.name }),
      content: t('leaders.releaseContent'),
      okText: t('leaders.release'),
      okButtonProps: { danger: true, ...releaseOkTestId },
      onOk: async () => {
        const result = releaseLeader(base, changeContext());
        if (!result.ok) {
          void message.error(t('leaders.problems.noLeader'));
          return;
        }
        try {
          await saveDoc('buildings', result.building, base);
          void message.success(t('leaders.released', { name }));
        } catch (error) {
          void message.error(t('leaders.failed', { reason: error instanceof Error ? error.message : String(error) }));
        }
      },
    });
  };

  return (
    <Space size={0}>
      {mayEdit && (
        <Button type="link" size="small" icon={<UserSwitchOutlined />} onClick={() => setOpen('claim')} data-testid={`leader-claim-${building.id}`}>
          {hasLeader ? t('leaders.change') : t('leaders.claim')}
        </Button>
      )}
      {mayEdit && hasLeader && (
        <Button type="link" size="small" danger icon={<LogoutOutlined />} onClick={release} data-testid={`leader-release-${building.id}`}>
          {t('leaders.release')}
        </Button>
      )}
      <Button type="link" size="small" icon={<HistoryOutlined />} onClick={() => setOpen('history')} data-testid={`leader-history-${building.id}`}>
        {t('leaders.history')}
      </Button>
      {open === 'claim' && <BuildingLeaderModal building={building} leaderName={leaderName} onClose={() => setOpen(null)} />}
      {open === 'history' && <BuildingLeaderHistory building={building} onClose={() => setOpen(null)} />}
    </Space>
  );
}
