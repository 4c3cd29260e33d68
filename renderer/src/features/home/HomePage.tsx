// 工作台: the communities in the person's scope with what they hold, and the everyday actions.
import { Button, Card, Col, Empty, Flex, Row, Space, Spin, Statistic } from 'antd';
import { ApartmentOutlined, HomeOutlined, PlusOutlined, TeamOutlined, UserAddOutlined } from '@ant-design/icons';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocs } from '../../db/hooks';
import { PageHeader } from '../../components/PageHeader';
import { sortByName } from '../../lib/collate';
import { paths } from '../../lib/paths';
import { canCreate, visibleCommunities, writableCommunities } from '../../lib/permissions';
import { useCurrentUser } from '../../session/useSession';
import { CommunityCard } from './CommunityCard';
import { DashboardCharts } from './DashboardCharts';
import { LiaisonNeedsCard } from './LiaisonNeedsCard';
import { headlineFigures } from '@domain/figures';
import { homeSummary } from './homeSummary';

// Pilot and property-less compounds are among the headline figures above the totals.
const totalKeys = ['communities', 'compounds', 'buildings', 'members', 'partyMembers'] as const;
// A liaison reads only the compounds paired with its department: no buildings, no members.
const liaisonTotalKeys = ['communities', 'compounds', 'pilot', 'unmanaged'] as const;

export function HomePage() {
  const { t } = useTranslation('home');
  const user = useCurrentUser();
  const communities = useDocs('communities');
  const compounds = useDocs('compounds');
  const buildings = useDocs('buildings');
  const members = useDocs('members');
  const grids = useDocs('grids');
  const orgs = useDocs('orgs');
  const liaison = user.role === 'department_liaison';
  const summary = useMemo(() => {
    const own = visibleCommunities(user, communities.docs);
    // A liaison's communities are those of its paired compounds.
    const shown = liaison ? own.filter((community) => compounds.docs.some((compound) => compound.communityId === community.id)) : own;
    return homeSummary(sortByName(shown), compounds.docs, buildings.docs, members.docs);
  }, [user, liaison, communities.docs, compounds.docs, buildings.docs, members.docs]);
  const headline = useMemo(
    () => headlineFigures(summary.communities.map((entry) => entry.community), compounds.docs, grids.docs, members.docs, orgs.docs),
    [summary, compounds.docs, grids.docs, members.docs, orgs.docs],
  );
  const scopeLabel =
    user.role === 'street_admin' ? t('headline.street') : t('headline.community', { names: summary.communities.map((entry) => entry.community.name).join('、') });
  const writable = writableCommunities(user, communities.docs).length > 0;
  const loading = communities.loading || compounds.loading;

  return (
    <>
      <PageHeader title={t('greeting', { name: user.displayName })} subtitle={t('subtitle')} />
      {liaison && <LiaisonNeedsCard user={user} />}
      <Card title={t('links.title')} size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          {writable && canCreate(user, 'compounds') && (
            <Link to={`${paths.compounds}?create=1`}>
              <Button type="primary" icon={<PlusOutlined />}>{t('links.newCompound')}</Button>
            </Link>
          )}
          {writable && canCreate(user, 'members') && (
            <Link to={paths.newMember()}>
              <Button icon={<UserAddOutlined />}>{t('links.newMember')}</Button>
            </Link>
          )}
          <Link to={paths.compounds}>
            <Button icon={<HomeOutlined />}>{t('links.compounds')}</Button>
          </Link>
          {!liaison && (
            <Link to={paths.members}>
              <Button icon={<TeamOutlined />}>{t('links.members')}</Button>
            </Link>
          )}
          <Link to={paths.communities}>
            <Button icon={<ApartmentOutlined />}>{t('links.communities')}</Button>
          </Link>
        </Space>
      </Card>
      {loading ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      ) : summary.communities.length === 0 ? (
        <Empty description={t('empty')} />
      ) : (
        <>
          {!liaison && (
            <Card size="small" title={t('headline.title', { scope: scopeLabel })} style={{ marginBottom: 16 }} data-testid="home-headline">
              <Flex wrap gap={40}>
                <Statistic title={t('headline.grids')} value={headline.grids} data-testid="home-headline-grids" />
                <Statistic title={t('headline.reportedMembers')} value={headline.reportedMembers} data-testid="home-headline-reported" />
                <Statistic title={t('headline.pilotCompounds')} value={headline.pilotCompounds} data-testid="home-headline-pilot" />
                <Statistic
                  title={t('headline.upgradedBranches')}
                  value={headline.upgradedBranches}
                  suffix={`/ ${headline.communityBranches}`}
                  data-testid="home-headline-upgraded"
                />
                <Statistic title={t('headline.pilotCompoundBranches')} value={headline.pilotCompoundBranches} data-testid="home-headline-branches" />
                <Statistic
                  title={t('headline.unmanagedCompounds')}
                  value={headline.unmanagedCompounds}
                  suffix={`/ ${headline.compounds}${headline.compounds > 0 ? `（${Math.round((headline.unmanagedCompounds * 100) / headline.compounds)}%）` : ''}`}
                  data-testid="home-headline-unmanaged"
                />
              </Flex>
            </Card>
          )}
          {!liaison && <DashboardCharts communities={summary.communities.map((entry) => entry.community)} />}
          <Card size="small" style={{ marginBottom: 16 }}>
            <Flex wrap gap={40}>
              {(liaison ? liaisonTotalKeys : totalKeys).map((key) => (
                <Statistic key={key} title={t(`totals.${key}`)} value={summary.totals[key]} />
              ))}
            </Flex>
          </Card>
          <Row gutter={[16, 16]}>
            {summary.communities.map((entry) => (
              <Col key={entry.community.id} xs={24} md={12} xl={8}>
                <CommunityCard summary={entry} compoundsOnly={liaison} />
              </Col>
            ))}
          </Row>
        </>
      )}
    </>
  );
}
