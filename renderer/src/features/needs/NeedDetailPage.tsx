// 问题详情: one need, the steps the person may take on it now, and its history.
import { Button, Descriptions, Flex, Space, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Need } from '@domain/collections';
import { isOpen, isOverdue } from '@domain/needDeadline';
import { allowedActions, type NeedAction } from '@domain/needFlow';
import { useDoc } from '../../db/hooks';
import { removeDoc } from '../../db/write';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { MaskedText } from '../../components/MaskedText';
import { PageHeader } from '../../components/PageHeader';
import { RecordHistoryButton } from '../../components/RecordHistory';
import { PageLoading, PageNotFound } from '../../components/PageState';
import { claimingUnitName } from '../../lib/needActor';
import { canEdit, writableCommunities } from '../../lib/permissions';
import { paths } from '../../lib/paths';
import { NeedActionModal } from './NeedActionModal';
import { NeedFormModal } from './NeedFormModal';
import { NeedHistory } from './NeedHistory';
import { dueOnOf } from './needLookups';
import { OverdueTag, StateTag, UrgencyTag } from './NeedTags';
import { useNeedLookups } from './useNeedLookups';
import { useNeedTexts } from './useNeedTexts';

export function NeedDetailPage() {
  const { id } = useParams();
  const { doc: need, loading } = useDoc('needs', id);
  if (loading) return <PageLoading />;
  if (!need) return <PageNotFound backTo={paths.needs} />;
  return <NeedDetail need={need} />;
}

function NeedDetail({ need }: { need: Need }) {
  const { t, actionName } = useNeedTexts();
  const navigate = useNavigate();
  const { user, lookups, actor, compounds, buildings, units, communities } = useNeedLookups();
  const [taking, setTaking] = useState<NeedAction | null>(null);
  const [editing, setEditing] = useState(false);
  const staff = user.role !== 'department_liaison';
  // Staff act within their scope; a liaison's pairing is checked by the state machine itself.
  const mayAct = staff ? canEdit(user, 'needs', need) : true;
  const actions = mayAct ? allowedActions(need, actor).filter((action) => action !== 'record') : [];
  const mayEdit = staff && mayAct && isOpen(need);
  const writable = useMemo(() => {
    const communityIds = new Set(writableCommunities(user, communities.docs).map((community) => community.id));
    return compounds.docs.filter((compound) => communityIds.has(compound.communityId));
  }, [user, communities.docs, compounds.docs]);

  const compound = lookups.compounds.get(need.compoundId);
  const building = need.buildingId === undefined ? undefined : lookups.buildings.get(need.buildingId);
  const category = lookups.categories.find((entry) => entry.id === need.categoryId);
  const dueOn = dueOnOf(need, lookups.categories);
  const overdue = isOverdue(need, [...lookups.categories], new Date());
  const department = claimingUnitName(need, lookups.units);
  const notGiven = t('detail.notGiven');

  return (
    <div data-testid="need-detail">
      <PageHeader
        title={
          <Space>
            {t('detail.title')}
            <StateTag state={need.state} testId="need-state" />
            {overdue && <OverdueTag />}
          </Space>
        }
        subtitle={compound?.name}
        extra={
          <>
            <Link to={paths.needs}>
              <Button icon={<ArrowLeftOutlined />}>{t('detail.back')}</Button>
            </Link>
            <RecordHistoryButton collection="needs" id={need.id} />
            {mayEdit && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="need-edit">
                {t('detail.edit')}
              </Button>
            )}
            {user.role === 'street_admin' && (
              <ConfirmDelete
                asButton
                title={t('detail.deleteTitle')}
                content={t('detail.deleteContent')}
                onConfirm={() => removeDoc('needs', need.id)}
                onDeleted={() => void navigate(paths.needs)}
                testId="need-delete"
              />
            )}
          </>
        }
      />
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        style={{ marginBottom: 16 }}
        items={[
          {
            key: 'compound',
            label: t('detail.compound'),
            children: staff && compound ? <Link to={paths.compound(compound.id)}>{compound.name}</Link> : (compound?.name ?? notGiven),
          },
          { key: 'building', label: t('detail.building'), children: building?.name ?? (need.buildingId === undefined ? notGiven : t('detail.buildingNotHeld')) },
          { key: 'raisedBy', label: t('detail.raisedBy'), children: need.raisedBy ?? notGiven },
          { key: 'raisedPhone', label: t('detail.raisedPhone'), children: need.raisedByPhone ? <MaskedText kind="mobile" value={need.raisedByPhone} /> : notGiven },
          { key: 'raisedOn', label: t('detail.raisedOn'), children: need.raisedOn ?? notGiven },
          { key: 'category', label: t('detail.category'), children: category?.name ?? notGiven },
          { key: 'urgency', label: t('detail.urgency'), children: <UrgencyTag urgency={need.urgency} /> },
          { key: 'department', label: t('detail.department'), children: department ?? notGiven },
          { key: 'dueOn', label: t('detail.dueOn'), children: dueOn ?? t('detail.noDeadline') },
          { key: 'description', label: t('detail.description'), span: 'filled', children: <span style={{ whiteSpace: 'pre-wrap' }}>{need.description}</span> },
        ]}
      />
      <Flex gap={8} wrap align="center" style={{ marginBottom: 24 }}>
        <Typography.Text strong>{t('detail.actions')}</Typography.Text>
        {actions.length === 0 && <Typography.Text type="secondary">{t('detail.noActions')}</Typography.Text>}
        {actions.map((action) => (
          <Button key={action} type={action === 'return' ? 'default' : 'primary'} danger={action === 'return'} onClick={() => setTaking(action)} data-testid={`need-action-${action}`}>
            {actionName(action)}
          </Button>
        ))}
      </Flex>
      <NeedHistory need={need} units={lookups.units} />
      {taking && <NeedActionModal need={need} action={taking} actor={actor} units={units.docs} onClose={() => setTaking(null)} />}
      {editing && mayEdit && (
        <NeedFormModal
          need={need}
          compounds={writable}
          communities={communities.docs}
          buildings={buildings.docs}
          categories={lookups.categories}
          actor={actor}
          onClose={() => setEditing(false)}
        />
      )}
    </div>
  );
}
