// 工作台's charts for staff and admins, over the communities shown: needs, reporting and service
// hours, branch funds, stars. Each chart leads to the list behind it.
import { Card, Col, Empty, Flex, Row, Statistic, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Community } from '@domain/collections';
import type { NeedState } from '@domain/needFlow';
import { formatYuan } from '@domain/money';
import { EChart } from '../../components/charts/EChart';
import { useDocs } from '../../db/hooks';
import { needsLink } from '../../lib/needSummary';
import { paths } from '../../lib/paths';
import { departmentStars, fundsOverview, needsOverview, reportingSeries, serviceHoursByMonth } from './dashboard';
import { barLineOption, barOption } from './dashboardOptions';

interface DashboardChartsProps {
  communities: readonly Community[];
  now?: Date;
}

const percent = (rate: number | undefined) => (rate === undefined ? '—' : `${Math.round(rate * 1000) / 10}%`);

export function DashboardCharts({ communities, now: given }: DashboardChartsProps) {
  const [now] = useState(() => given ?? new Date());
  const { t } = useTranslation('home');
  const navigate = useNavigate();
  const needs = useDocs('needs');
  const members = useDocs('members');
  const activities = useDocs('activities');
  const orgs = useDocs('orgs');
  const compounds = useDocs('compounds');
  const ledger = useDocs('ledger');
  const streets = useDocs('streets');
  const assessments = useDocs('assessments');
  const units = useDocs('units');
  const year = now.getFullYear();
  const lastMonth = now.getMonth() + 1;
  const nowTime = now.getTime();
  const street = streets.docs[0];

  // The page passes a new array on each render: key the aggregates on what the communities are.
  const communityKey = communities.map((community) => `${community.id}\t${community.name}`).join('\n');
  const names = useMemo(() => new Map(communityKey === '' ? [] : communityKey.split('\n').map((line) => line.split('\t') as [string, string])), [communityKey]);
  const ids = useMemo(() => [...names.keys()], [names]);
  const idSet = useMemo(() => new Set(ids), [ids]);
  const needsData = useMemo(
    () => needsOverview(needs.docs, idSet, street?.needCategories, year, new Date(nowTime)),
    [needs.docs, idSet, street, year, nowTime],
  );
  const reporting = useMemo(() => reportingSeries(members.docs, idSet, year, lastMonth), [members.docs, idSet, year, lastMonth]);
  const hours = useMemo(() => serviceHoursByMonth(activities.docs, idSet, year, lastMonth), [activities.docs, idSet, year, lastMonth]);
  const funds = useMemo(() => fundsOverview(street, ids, orgs.docs, compounds.docs, ledger.docs, year), [street, ids, orgs.docs, compounds.docs, ledger.docs, year]);
  const stars = useMemo(() => departmentStars(assessments.docs, street), [assessments.docs, street]);

  const options = useMemo(() => {
    const months = reporting.monthly.map((point) => t('dashboard.month', { month: point.month }));
    const unitNames = new Map(units.docs.map((unit) => [unit.id, unit.name]));
    return {
      needs: barOption(
        needsData.byState.map((entry) => t(`problems.needStates.${entry.state}`)),
        [{ name: t('dashboard.needsCount'), values: needsData.byState.map((entry) => entry.count) }],
      ),
      reporting: barLineOption(
        months,
        { name: t('dashboard.reportedInMonth'), values: reporting.monthly.map((point) => point.value) },
        { name: t('dashboard.reportedTotal'), values: reporting.cumulative.map((point) => point.value) },
      ),
      hours: barOption(months, [{ name: t('dashboard.hours'), values: hours.map((point) => point.value) }]),
      funds: barOption(
        funds.communities.map((entry) => names.get(entry.communityId) ?? entry.communityId),
        [
          { name: t('dashboard.budget'), values: funds.communities.map((entry) => entry.budgetFen / 100) },
          { name: t('dashboard.spent'), values: funds.communities.map((entry) => entry.spentFen / 100), color: '#fa8c16' },
        ],
        { valueFormatter: (value) => `¥${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}` },
      ),
      stars: barOption(
        stars.ratings.map((rating) => unitNames.get(rating.assesseeId) ?? rating.assesseeId),
        [{ name: t('dashboard.stars'), values: stars.ratings.map((rating) => rating.stars), color: '#faad14' }],
        { max: 5 },
      ),
    };
  }, [t, names, units.docs, needsData, reporting, hours, funds, stars]);

  const go = (path: string) => () => void navigate(path);

  // A state's bar opens the list of the needs in that state.
  const openState = (state: NeedState | undefined) => go(state ? needsLink({ states: [state] }) : paths.needs)();

  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="home-dashboard">
      <Col xs={24} xl={12}>
        <Card size="small" title={t('dashboard.needsTitle')} extra={<Link to={paths.needs}>{t('dashboard.open')}</Link>}>
          <Flex wrap gap={40}>
            <Statistic title={t('dashboard.closureRate', { year })} value={percent(needsData.closureRate)} suffix={`（${needsData.closed} / ${needsData.recorded}）`} data-testid="home-needs-closure" />
            <Link to={needsLink({ overdue: true })} data-testid="home-needs-overdue" data-count={needsData.overdue}>
              <Statistic title={t('dashboard.overdue')} value={needsData.overdue} valueStyle={needsData.overdue > 0 ? { color: '#cf1322' } : undefined} />
            </Link>
          </Flex>
          <EChart option={options.needs} onClick={(event) => openState(needsData.byState[event.dataIndex]?.state)} data-testid="home-chart-needs" />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('dashboard.fundsTitle', { year })} extra={<Link to={paths.funds}>{t('dashboard.open')}</Link>}>
          <Statistic
            title={t('dashboard.fundsBudget')}
            value={formatYuan(funds.total.budgetFen)}
            prefix="¥"
            suffix={funds.rateFen === undefined ? t('dashboard.noRate') : undefined}
            data-testid="home-funds-budget"
          />
          <EChart option={options.funds} onClick={go(paths.funds)} data-testid="home-chart-funds" />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('dashboard.reportingTitle', { year })} extra={<Link to={paths.members}>{t('dashboard.open')}</Link>}>
          <EChart option={options.reporting} onClick={go(paths.members)} data-testid="home-chart-reporting" />
          <Typography.Text type="secondary">{t('dashboard.hoursTitle', { year })}</Typography.Text>
          <EChart option={options.hours} onClick={go(paths.activities)} height={180} data-testid="home-chart-hours" />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={stars.year === undefined ? t('dashboard.starsTitleNone') : t('dashboard.starsTitle', { year: stars.year })} extra={<Link to={paths.assessment}>{t('dashboard.open')}</Link>}>
          {stars.ratings.length === 0 ? (
            <Empty description={t('dashboard.noStars')} />
          ) : (
            <EChart option={options.stars} onClick={go(paths.assessment)} height={320} data-testid="home-chart-stars" />
          )}
        </Card>
      </Col>
    </Row>
  );
}
