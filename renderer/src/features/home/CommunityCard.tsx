import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../lib/paths';
import type { CommunitySummary } from './homeSummary';

export function CommunityCard({ summary, compoundsOnly }: { summary: CommunitySummary; compoundsOnly: boolean }) {
  const { t } = useTranslation('home');
  const { community } = summary;
  return (
    <Card
      size="small"
      title={community.name}
      extra={<Link to={`${paths.compounds}?communityId=${encodeURIComponent(community.id)}`}>{t('community.open')}</Link>}
      data-testid={`home-community-${community.id}`}
    >
      {community.address !== undefined && (
        <Typography.Paragraph type="secondary" ellipsis style={{ marginBottom: 8 }}>
          {community.address}
        </Typography.Paragraph>
      )}
      <Row>
        {(compoundsOnly ? (['compounds'] as const) : (['compounds', 'buildings', 'members'] as const)).map((key) => (
          <Col key={key} span={8}>
            <Statistic title={t(`community.${key}`)} value={summary[key]} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
