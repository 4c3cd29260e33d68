// Amounts as the funds tables show them: yuan with two decimals, right-aligned by their columns,
// in red when below zero (an overspent branch).
import { Typography } from 'antd';
import { formatYuan } from '@domain/money';

export function Yuan({ fen, testId }: { fen: number; testId?: string }) {
  return (
    <Typography.Text type={fen < 0 ? 'danger' : undefined} data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums' }}>
      {formatYuan(fen)}
    </Typography.Text>
  );
}
