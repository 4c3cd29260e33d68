// 看板: one column per state in the order a need moves; closed and returned ones narrow.
import { Card, Flex, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { NeedState } from '@domain/needFlow';
import { paths } from '../../lib/paths';
import { rowsByState, type NeedRow } from './needRows';
import { NewTag, OverdueTag, UrgencyTag } from './NeedTags';
import { stateColors, useNeedTexts } from './useNeedTexts';

/** The way a need goes; returned ones go back to claimed, so they sit at the end with the closed. */
const boardStates: NeedState[] = ['submitted', 'listed', 'claimed', 'coordinating', 'resolved', 'returned', 'closed'];
const narrowStates: ReadonlySet<NeedState> = new Set(['returned', 'closed']);

export function NeedsBoard({ rows }: { rows: readonly NeedRow[] }) {
  const { t, stateName } = useNeedTexts();
  const navigate = useNavigate();
  const groups = rowsByState(rows);
  return (
    <Flex gap={12} align="flex-start" style={{ overflowX: 'auto', paddingBottom: 8 }}>
      {boardStates.map((state) => {
        const narrow = narrowStates.has(state);
        return (
          <div key={state} data-testid={`needs-board-${state}`} style={{ flex: narrow ? '0 0 180px' : '0 0 250px', background: 'rgba(0,0,0,0.03)', borderRadius: 8, padding: 8 }}>
            <Flex justify="space-between" style={{ marginBottom: 8 }}>
              <Typography.Text strong>{stateName(state)}</Typography.Text>
              <Tag color={stateColors[state]}>{groups[state].length}</Tag>
            </Flex>
            <Flex vertical gap={8}>
              {groups[state].length === 0 && <Typography.Text type="secondary">{t('boardEmpty')}</Typography.Text>}
              {groups[state].map((row) => (
                <Card key={row.id} size="small" hoverable onClick={() => void navigate(paths.need(row.id))} data-testid="need-card" data-need-id={row.id}>
                  <Space size={4} wrap style={{ marginBottom: 4 }}>
                    {row.isNew && <NewTag />}
                    <UrgencyTag urgency={row.need.urgency} />
                    {row.overdue && <OverdueTag />}
                  </Space>
                  <Typography.Paragraph ellipsis={{ rows: narrow ? 2 : 3 }} style={{ marginBottom: 4 }}>
                    {row.need.description}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {row.compoundName}
                    {row.dueOn ? ` · ${row.dueOn}` : ''}
                  </Typography.Text>
                </Card>
              ))}
            </Flex>
          </div>
        );
      })}
    </Flex>
  );
}
