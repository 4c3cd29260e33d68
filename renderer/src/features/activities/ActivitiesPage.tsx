// 共建服务活动: the activities held at the compounds (recorded once held, offline too), each
// member's service hours in a year, and the reported members who took part in nothing that year.
import { Button, Tabs } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity } from '@domain/collections';
import { useDocs } from '../../db/hooks';
import { CommunitySelect } from '../../components/CommunitySelect';
import { PageHeader } from '../../components/PageHeader';
import { today } from '../../lib/dates';
import { canCreate, canEdit, visibleCommunities } from '../../lib/permissions';
import { useCurrentUser } from '../../session/useSession';
import { ActivityFormModal } from './ActivityFormModal';
import { ActivityList } from './ActivityList';
import { ServiceHours } from './ServiceHours';
import type { ActivityFilters } from './activityRows';

type Editing = { activity: Activity | undefined } | null;

export function ActivitiesPage() {
  const { t } = useTranslation('activities');
  const user = useCurrentUser();
  const activities = useDocs('activities');
  const communities = useDocs('communities');
  const compounds = useDocs('compounds');
  const members = useDocs('members');
  const [communityId, setCommunityId] = useState<string | undefined>();
  const [filters, setFilters] = useState<ActivityFilters>({ year: new Date().getFullYear() });
  const [editing, setEditing] = useState<Editing>(null);
  // The year the hours and the idle members are counted for, shared by both tabs.
  const [year, setYear] = useState(() => new Date().getFullYear());

  const visible = visibleCommunities(user, communities.docs);
  const writableCompounds = useMemo(() => compounds.docs.filter((compound) => canEdit(user, 'activities', compound)), [compounds.docs, user]);
  const mayCreate = canCreate(user, 'activities') && writableCompounds.length > 0;
  const inCommunity = <T extends { communityId: string }>(docs: readonly T[]) => (communityId === undefined ? docs : docs.filter((doc) => doc.communityId === communityId));

  const chooseCommunity = (next: string | undefined) => {
    setCommunityId(next);
    // A compound of another community would leave the list empty for no visible reason.
    setFilters((current) => ({ ...current, compoundId: undefined }));
  };

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          <>
            {visible.length > 1 && (
              <CommunitySelect
                communities={visible}
                value={communityId}
                onChange={chooseCommunity}
                placeholder={t('filters.community')}
                allowClear
                style={{ width: 180 }}
                testId="activities-community"
              />
            )}
            {mayCreate && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ activity: undefined })} data-testid="activities-new">
                {t('create')}
              </Button>
            )}
          </>
        }
      />
      <Tabs
        defaultActiveKey="list"
        destroyOnHidden
        items={[
          {
            key: 'list',
            label: <span data-testid="activities-list">{t('tabs.list')}</span>,
            children: (
              <ActivityList
                activities={inCommunity(activities.docs)}
                loading={activities.loading}
                communities={communities.docs}
                compounds={inCommunity(compounds.docs)}
                filters={filters}
                onFilters={setFilters}
                mayEdit={(activity) => canEdit(user, 'activities', activity)}
                onEdit={(activity) => setEditing({ activity })}
              />
            ),
          },
          {
            key: 'hours',
            label: <span data-testid="activities-hours">{t('tabs.hours')}</span>,
            children: <ServiceHours view="hours" year={year} onYear={setYear} activities={inCommunity(activities.docs)} members={inCommunity(members.docs)} communities={communities.docs} compounds={compounds.docs} />,
          },
          {
            key: 'idle',
            label: <span data-testid="activities-idle">{t('tabs.idle')}</span>,
            children: <ServiceHours view="idle" year={year} onYear={setYear} activities={inCommunity(activities.docs)} members={inCommunity(members.docs)} communities={communities.docs} compounds={compounds.docs} />,
          },
        ]}
      />
      {editing && (
        <ActivityFormModal
          activity={editing.activity}
          compounds={writableCompounds}
          members={members.docs}
          preset={editing.activity ? {} : { compoundId: filters.compoundId, date: today() }}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
