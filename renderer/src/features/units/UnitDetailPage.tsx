// 单位详情: one unit with its contacts and the compounds it works with.
import { Button, Descriptions, Space, Tag } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Unit } from '@domain/collections';
import { useDoc, useDocs } from '../../db/hooks';
import { removeDoc } from '../../db/write';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { MaskedText } from '../../components/MaskedText';
import { PageHeader } from '../../components/PageHeader';
import { RecordHistoryButton } from '../../components/RecordHistory';
import { PageLoading, PageNotFound } from '../../components/PageState';
import { sortByName } from '../../lib/collate';
import { byId } from '../../lib/counts';
import { canEdit } from '../../lib/permissions';
import { useCurrentUser } from '../../session/useSession';
import { UnitCompoundsSection } from './UnitCompoundsSection';
import { UnitContactsSection } from './UnitContactsSection';
import { UnitFormModal } from './UnitFormModal';
import { UnitNeedsSection } from './UnitNeedsSection';
import { unitCompounds } from './unitCompounds';
import { useUnitDeleteTexts, useUnitDependants } from './useUnitDependants';
import { paths } from '../../lib/paths';

export function UnitDetailPage() {
  const { id } = useParams();
  const { doc: unit, loading } = useDoc('units', id);
  if (loading) return <PageLoading />;
  if (!unit) return <PageNotFound backTo={paths.units} />;
  return <UnitDetail unit={unit} />;
}

function UnitDetail({ unit }: { unit: Unit }) {
  const { t } = useTranslation('units');
  const user = useCurrentUser();
  const navigate = useNavigate();
  const units = useDocs('units');
  const communities = useDocs('communities');
  const compounds = useDocs('compounds');
  const members = useDocs('members');
  const dependants = useUnitDependants();
  const deleteTexts = useUnitDeleteTexts(dependants);
  const [editing, setEditing] = useState(false);
  const mayEdit = canEdit(user, 'units', unit);
  const notGiven = t('detail.notGiven');
  // Staff hold only their own communities' compounds and members.
  const partial = user.role !== 'street_admin';

  const communityById = useMemo(() => byId(communities.docs), [communities.docs]);
  const compoundById = useMemo(() => byId(compounds.docs), [compounds.docs]);
  const related = useMemo(() => unitCompounds(unit, compounds.docs), [unit, compounds.docs]);
  const people = useMemo(() => sortByName(members.docs.filter((member) => member.unitId === unit.id)), [members.docs, unit.id]);
  const community = unit.communityId === undefined ? undefined : communityById.get(unit.communityId);

  return (
    <>
      <PageHeader
        title={
          <Space>
            {unit.name}
            <Tag>{t(`kinds.${unit.kind}`)}</Tag>
          </Space>
        }
        subtitle={community?.name ?? t('streetLevel')}
        extra={
          <>
            <Link to={paths.units}>
              <Button icon={<ArrowLeftOutlined />}>{t('detail.back')}</Button>
            </Link>
            <RecordHistoryButton collection="units" id={unit.id} name={unit.name} />
            {mayEdit && (
              <>
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="unit-edit">
                  {t('edit')}
                </Button>
                <ConfirmDelete
                  asButton
                  title={t('deleteTitle', { name: unit.name })}
                  content={deleteTexts.confirmContent(unit)}
                  blockedReason={deleteTexts.blockedReason(unit)}
                  onConfirm={() => removeDoc('units', unit.id)}
                  onDeleted={() => void navigate(paths.units)}
                  testId="unit-delete"
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
          { key: 'kind', label: t('detail.kind'), children: t(`kinds.${unit.kind}`) },
          { key: 'community', label: t('detail.community'), children: community?.name ?? t('streetLevel') },
          { key: 'address', label: t('detail.address'), children: unit.address ?? notGiven },
          { key: 'contactName', label: t('detail.contactName'), children: unit.contactName ?? notGiven },
          { key: 'contactPhone', label: t('detail.contactPhone'), children: unit.contactPhone === undefined ? notGiven : <MaskedText kind="mobile" value={unit.contactPhone} /> },
          ...(unit.kind === 'department' ? [{ key: 'paired', label: t('detail.pairedCount'), children: related.paired.length + related.hiddenPaired }] : []),
          ...(unit.kind === 'propertyCompany' && !partial ? [{ key: 'served', label: t('detail.servedCount'), children: related.served.length }] : []),
          ...(partial ? [] : [{ key: 'members', label: t('detail.membersCount'), children: people.length }]),
        ]}
      />
      {unit.kind === 'department' && (
        <UnitCompoundsSection
          title={t('compounds.pairedTitle', { count: related.paired.length + related.hiddenPaired })}
          empty={t('compounds.pairedEmpty')}
          compounds={related.paired}
          hidden={related.hiddenPaired}
          communityById={communityById}
          testId="unit-paired-compounds-list"
        />
      )}
      {unit.kind === 'department' && <UnitNeedsSection unit={unit} />}
      {(unit.kind === 'propertyCompany' || related.served.length > 0) && (
        <UnitCompoundsSection
          title={t('compounds.servedTitle', { count: related.served.length })}
          empty={t('compounds.servedEmpty')}
          compounds={related.served}
          hidden={0}
          partial={partial}
          communityById={communityById}
          testId="unit-served-compounds-list"
        />
      )}
      <UnitContactsSection unit={unit} members={people} compoundById={compoundById} partial={partial} />
      {editing && mayEdit && (
        <UnitFormModal unit={unit} units={units.docs} communities={communities.docs} compounds={compounds.docs} onClose={() => setEditing(false)} />
      )}
    </>
  );
}
