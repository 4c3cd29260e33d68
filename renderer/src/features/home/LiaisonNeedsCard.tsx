// A liaison's needs at a glance on the home page: waiting to be claimed, in its department's hands,
// overdue, and new since it last looked — each a link into the needs list with that filter.
import { Card, Col, Row, Statistic } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SessionUser } from '@domain/contract';
import { useArrivals, useDocs } from '../../db/hooks';
import { ownUnitName } from '../../lib/needActor';
import { inHandStates, liaisonNeedSummary, needsLink } from '../../lib/needSummary';
import { paths } from '../../lib/paths';
import { useLastLooked } from '../../lib/needsSeen';

export function LiaisonNeedsCard({ user }: { user: SessionUser }) {
  const { t } = useTranslation('home');
  const needs = useDocs('needs');
  const streets = useDocs('streets');
  const arrivals = useArrivals('needs');
  const since = useLastLooked(user.id);
  const [now] = useState(() => new Date());
  const categories = streets.docs.find((street) => street.id === user.streetId)?.needCategories;
  const summary = useMemo(
    () => liaisonNeedSummary(needs.docs, user, { since, arrivals }, categories, now),
    [needs.docs, user, since, arrivals, categories, now],
  );
  const unit = ownUnitName(user);
  const figures = [
    { key: 'waiting', value: summary.waiting, to: needsLink({ states: ['listed'] }) },
    { key: 'inHand', value: summary.inHand, to: needsLink({ departmentId: user.unitId, states: inHandStates }) },
    { key: 'overdue', value: summary.overdue, to: needsLink({ overdue: true }) },
    { key: 'fresh', value: summary.fresh, to: paths.needs },
  ] as const;

  return (
    <Card
      size="small"
      title={unit ? t('needs.title', { unit }) : t('needs.titleNoUnit')}
      extra={<Link to={paths.needs}>{t('needs.open')}</Link>}
      style={{ marginBottom: 16 }}
      loading={needs.loading}
      data-testid="home-liaison-needs"
    >
      <Row gutter={[24, 16]}>
        {figures.map((figure) => (
          <Col key={figure.key} xs={12} md={6}>
            <Link to={figure.to} data-testid={`home-needs-${figure.key}`} data-count={figure.value}>
              <Statistic
                title={t(`needs.${figure.key}`)}
                value={figure.value}
                styles={figure.key === 'overdue' && figure.value > 0 ? { content: { color: '#cf1322' } } : undefined}
              />
            </Link>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
