// A total with its stars: antd's Rate, read-only, and `data-stars` for tests and screen readers.
import { Flex, Rate, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function ScoreCell({ total, stars, testId }: { total: number | undefined; stars: number | undefined; testId?: string }) {
  const { t } = useTranslation('assessment');
  if (total === undefined) return <Typography.Text type="secondary" data-testid={testId}>{t('notRated')}</Typography.Text>;
  return (
    <Flex gap={8} align="center" wrap={false} data-testid={testId} data-total={total} data-stars={stars ?? ''}>
      <Typography.Text strong>{total.toFixed(1)}</Typography.Text>
      {stars !== undefined && <Rate disabled value={stars} count={5} style={{ fontSize: 14 }} />}
    </Flex>
  );
}

/** One criterion's score on a sheet, or a dash. */
export function criterionScore(scores: readonly { criterionId: string; score: number }[] | undefined, criterionId: string): string {
  const score = scores?.find((entry) => entry.criterionId === criterionId)?.score;
  return score === undefined ? '—' : String(score);
}
