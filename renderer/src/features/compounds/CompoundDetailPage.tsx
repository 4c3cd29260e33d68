// 小区详情: one compound with its buildings and its team members.
import { Button, Descriptions, Space, Tag } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Compound } from '@domain/collections';
import { useDoc, useDocs } from '../../db/hooks';
import { removeDoc } from '../../db/write';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { PageHeader } from '../../components/PageHeader';
import { RecordHistoryButton } from '../../components/RecordHistory';
import { PageLoading, PageNotFound } from '../../components/PageState';
import { countOf } from '../../lib/counts';
import { paths } from '../../lib/paths';
import { canEdit, writableCommunities } from '../../lib/permissions';
import { useCurrentUser } from '../../session/useSession';
import { BuildingsSection } from './BuildingsSection';
import { CompoundFormModal } from './CompoundFormModal';
import { CompoundMembersSection } from './CompoundMembersSection';
import { CompoundNeedsSection } from './CompoundNeedsSection';
import { CompoundOrgSection } from './CompoundOrgSection';
import { PropertyText } from './PropertyText';
import { useCompoundDeleteReason, useCompoundDependants } from './useCompoundDependants';
import { VenuesSection } from './VenuesSection';

export function CompoundDetailPage() {
  const { id } = useParams();
  const { doc: compound, loading } = useDoc('compounds', id);
  if (loading) return <PageLoading />;
  if (!compound) return <PageNotFound backTo={paths.compounds} />;
  return <CompoundDetail compound={compound} />;
}

function CompoundDetail({ compound }: { compound: Compound }) {
  const { t } = useTranslation('compounds');
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { doc: community } = useDoc('communities', compound.communityId);
  const communities = useDocs('communities');
  const dependants = useCompoundDependants();
  const deleteReason = useCompoundDeleteReason(dependants);
  const [editing, setEditing] = useState(false);
  const mayEdit = canEdit(user, 'compounds', compound);
  const buildingCount = countOf(dependants.buildings, compound.id);
  const memberCount = countOf(dependants.members, compound.id);
  const notGiven = t('detail.notGiven');

  return (
    <>
      <PageHeader
        title={
          <Space>
            {compound.name}
            {compound.pilot && <Tag color="red">{t('pilotTag')}</Tag>}
          </Space>
        }
        subtitle={community?.name}
        extra={
          <>
            <Link to={paths.compounds}>
              <Button icon={<ArrowLeftOutlined />}>{t('detail.back')}</Button>
            </Link>
            <RecordHistoryButton collection="compounds" id={compound.id} name={compound.name} />
            {mayEdit && (
              <>
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="compound-edit">
                  {t('edit')}
                </Button>
                <ConfirmDelete
                  asButton
                  title={t('deleteTitle', { name: compound.name })}
                  content={t('deleteContent')}
                  blockedReason={deleteReason(compound)}
                  onConfirm={() => removeDoc('compounds', compound.id)}
                  onDeleted={() => void navigate(paths.compounds)}
                  testId="compound-delete"
                />
              </>
            )}
          </>
        }
      />
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        style={{ marginBottom: 24 }}
        items={[
          { key: 'community', label: t('detail.community'), children: community?.name ?? notGiven },
          { key: 'address', label: t('detail.address'), children: compound.address ?? notGiven },
          { key: 'property', label: t('detail.property'), children: <PropertyText compound={compound} /> },
          { key: 'ownersCommittee', label: t('detail.ownersCommittee'), children: compound.ownersCommittee === undefined ? notGiven : compound.ownersCommittee ? t('yes') : t('no') },
          { key: 'residents', label: t('detail.residentCount'), children: compound.residentCount },
          { key: 'pilot', label: t('detail.pilot'), children: compound.pilot ? t('yes') : t('no') },
          { key: 'buildings', label: t('detail.buildingsCount'), children: buildingCount },
          { key: 'members', label: t('detail.membersCount'), children: memberCount },
          ...(compound.note !== undefined ? [{ key: 'note', label: t('detail.note'), children: compound.note }] : []),
        ]}
      />
      <CompoundNeedsSection compound={compound} />
      <CompoundOrgSection compound={compound} />
      <VenuesSection compound={compound} mayEdit={mayEdit} />
      <BuildingsSection compound={compound} mayEdit={mayEdit} />
      <CompoundMembersSection compound={compound} mayEdit={mayEdit} />
      {editing && (
        <CompoundFormModal
          compound={compound}
          communities={writableCommunities(user, communities.docs)}
          communityLocked={buildingCount > 0 || memberCount > 0}
          onClose={() => setEditing(false)}
        />
      )}
    </>
  );
}
