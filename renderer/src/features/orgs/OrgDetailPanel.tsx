// The selected org's record: level, community, compound, group type, secretary, founding date,
// members and history, with the changes the person may make to it.
import { Alert, Button, Card, Descriptions, Flex, Table, Tag, Timeline, Typography, type TableColumnsType } from 'antd';
import { ApartmentOutlined, EditOutlined, PlusOutlined, RiseOutlined, StopOutlined, SwapOutlined, FormOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Member, Org } from '@domain/collections';
import { dissolveProblems, validNewParents, type OrgCounts } from '@domain/orgTree';
import { useDoc, useDocs } from '../../db/hooks';
import { removeDoc } from '../../db/write';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { RecordHistoryButton } from '../../components/RecordHistory';
import { compareText } from '../../lib/collate';
import { paths } from '../../lib/paths';
import { useCurrentUser } from '../../session/useSession';
import { OrgChangeModal, type OrgChange } from './OrgChangeModal';
import { OrgFormModal } from './OrgFormModal';
import { mayAddChild, mayEditOrg } from './orgPermissions';
import { historyColors, levelColors } from './orgTexts';

interface OrgDetailPanelProps {
  org: Org;
  orgs: readonly Org[];
  counts: OrgCounts | undefined;
  onSelect: (id: string | undefined) => void;
}

type Editing = { kind: 'edit' } | { kind: 'child' } | { kind: 'change'; change: OrgChange } | null;

export function OrgDetailPanel({ org, orgs, counts, onSelect }: OrgDetailPanelProps) {
  const { t } = useTranslation('orgs');
  const user = useCurrentUser();
  const communities = useDocs('communities');
  const members = useDocs('members');
  const streets = useDocs('streets');
  const { doc: compound } = useDoc('compounds', org.compoundId);
  const { doc: unit } = useDoc('units', org.secretaryUnitId);
  const [editing, setEditing] = useState<Editing>(null);

  const parent = orgs.find((candidate) => candidate.id === org.parentId);
  const community = communities.docs.find((candidate) => candidate.id === org.communityId);
  const street = streets.docs.find((doc) => doc.id === user.streetId) ?? streets.docs[0];
  const groupType = street?.groupTypes?.find((type) => type.id === org.groupTypeId);
  const memberById = useMemo(() => new Map(members.docs.map((member) => [member.id, member])), [members.docs]);
  const orgMembers = useMemo(
    () => (org.memberIds ?? []).flatMap((id) => memberById.get(id) ?? []).sort((a, b) => compareText(a.name, b.name)),
    [org.memberIds, memberById],
  );
  const unknownMembers = (org.memberIds ?? []).length - orgMembers.length;
  const mayEdit = mayEditOrg(user, org);
  const live = org.dissolvedOn === undefined;
  const anyChildren = orgs.some((candidate) => candidate.parentId === org.id);
  const dissolveBlocked = dissolveProblems(orgs, org);
  const notGiven = t('detail.notGiven');
  const isStaff = user.role !== 'department_liaison';

  const secretary = () => {
    if (org.secretaryMemberId !== undefined) {
      const name = memberById.get(org.secretaryMemberId)?.name ?? org.secretaryName ?? notGiven;
      return isStaff ? <Link to={paths.member(org.secretaryMemberId)}>{name}</Link> : name;
    }
    if (org.secretaryUnitId !== undefined) {
      return t('detail.unitHead', { name: org.secretaryName ?? notGiven, unit: unit?.name ?? notGiven });
    }
    return org.secretaryName ?? notGiven;
  };

  const memberColumns: TableColumnsType<Member> = [
    { title: t('detail.memberName'), dataIndex: 'name', render: (name: string, member) => <Link to={paths.member(member.id)}>{name}</Link> },
    {
      title: t('detail.memberRole'),
      key: 'role',
      render: (_, member) => (member.id === org.secretaryMemberId ? <Tag color="red">{t(org.level === 'functionalGroup' ? 'detail.leader' : 'detail.secretary')}</Tag> : null),
    },
  ];

  const history = [...(org.history ?? [])].sort((a, b) => compareText(a.date ?? a.at, b.date ?? b.at) || compareText(a.at, b.at));

  return (
    <Card
      extra={<RecordHistoryButton collection="orgs" id={org.id} name={org.name} />}
      title={
        <Flex gap={8} align="center" wrap>
          <span data-testid="org-detail-name">{org.name}</span>
          <Tag color={live ? levelColors[org.level] : 'default'}>{t(`levels.${org.level}`)}</Tag>
          {!live && <Tag>{t('dissolvedTag')}</Tag>}
        </Flex>
      }
    >
      {!live && <Alert type="warning" showIcon title={t('detail.dissolvedOn', { date: org.dissolvedOn })} style={{ marginBottom: 12 }} />}
      {mayEdit && (
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          {mayAddChild(user, org, communities.docs) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'child' })} data-testid="org-add-child">
              {t('actions.addChild')}
            </Button>
          )}
          <Button icon={<EditOutlined />} onClick={() => setEditing({ kind: 'edit' })} data-testid="org-edit">
            {t('actions.edit')}
          </Button>
          {live && org.level !== 'streetCommittee' && validNewParents(orgs, org).length > 0 && (
            <Button icon={<SwapOutlined />} onClick={() => setEditing({ kind: 'change', change: 'move' })} data-testid="org-move">
              {t('actions.move')}
            </Button>
          )}
          {live && org.level === 'communityBranch' && (
            <Button icon={<RiseOutlined />} onClick={() => setEditing({ kind: 'change', change: 'upgrade' })} data-testid="org-upgrade">
              {t('actions.upgrade')}
            </Button>
          )}
          <Button icon={<FormOutlined />} onClick={() => setEditing({ kind: 'change', change: 'note' })} data-testid="org-note">
            {t('actions.note')}
          </Button>
          {live && (
            <Button
              danger
              icon={<StopOutlined />}
              disabled={dissolveBlocked.length > 0}
              title={dissolveBlocked.join('；') || undefined}
              onClick={() => setEditing({ kind: 'change', change: 'dissolve' })}
              data-testid="org-dissolve"
            >
              {t('actions.dissolve')}
            </Button>
          )}
          <ConfirmDelete
            asButton
            title={t('deleteTitle', { name: org.name })}
            content={t('deleteContent')}
            blockedReason={anyChildren ? t('deleteBlocked') : undefined}
            onConfirm={() => removeDoc('orgs', org.id)}
            onDeleted={() => onSelect(undefined)}
            testId="org-delete"
          />
        </Flex>
      )}
      {mayEdit && live && dissolveBlocked.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('detail.dissolveBlocked', { reason: dissolveBlocked.join('；') })}
        </Typography.Paragraph>
      )}
      <Descriptions
        bordered
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          {
            key: 'parent',
            label: t('detail.parent'),
            children: parent ? (
              <Button type="link" size="small" style={{ padding: 0 }} icon={<ApartmentOutlined />} onClick={() => onSelect(parent.id)}>
                {parent.name}
              </Button>
            ) : (
              notGiven
            ),
          },
          ...(org.level !== 'streetCommittee' ? [{ key: 'community', label: t('detail.community'), children: community?.name ?? notGiven }] : []),
          ...(org.compoundId !== undefined
            ? [{ key: 'compound', label: t('detail.compound'), children: compound ? <Link to={paths.compound(compound.id)}>{compound.name}</Link> : notGiven }]
            : []),
          ...(org.level === 'functionalGroup' ? [{ key: 'groupType', label: t('detail.groupType'), children: groupType?.name ?? notGiven }] : []),
          { key: 'secretary', label: t(org.level === 'functionalGroup' ? 'detail.leader' : 'detail.secretary'), children: secretary() },
          { key: 'foundedOn', label: t('detail.foundedOn'), children: org.foundedOn ?? notGiven },
          { key: 'members', label: t('detail.membersCount'), children: counts?.members ?? 0 },
          { key: 'descendants', label: t('detail.descendants'), children: counts?.descendants ?? 0 },
        ]}
      />
      {org.level !== 'streetCommittee' && (
        <>
          <Typography.Title level={5}>{t('detail.members', { count: orgMembers.length })}</Typography.Title>
          <Table<Member>
            rowKey="id"
            size="small"
            columns={memberColumns}
            dataSource={orgMembers}
            loading={members.loading}
            pagination={{ defaultPageSize: 10, hideOnSinglePage: true }}
            locale={{ emptyText: t('detail.noMembers') }}
            style={{ marginBottom: 8 }}
          />
          {unknownMembers > 0 && (
            <Typography.Paragraph type="secondary">{t('detail.unknownMembers', { count: unknownMembers })}</Typography.Paragraph>
          )}
        </>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('detail.history')}
      </Typography.Title>
      {history.length === 0 ? (
        <Typography.Text type="secondary">{t('detail.noHistory')}</Typography.Text>
      ) : (
        <Timeline
          data-testid="org-history"
          items={history.map((entry) => ({
            key: entry.id,
            color: historyColors[entry.kind],
            title: entry.date ?? t('detail.recordedOn', { date: entry.at.slice(0, 10) }),
            content: (
              <>
                <Typography.Text strong>{t(`historyKinds.${entry.kind}`)}</Typography.Text>
                {entry.docNo !== undefined && <Typography.Text> · {t('detail.docNo', { docNo: entry.docNo })}</Typography.Text>}
                {entry.note !== undefined && <div>{entry.note}</div>}
              </>
            ),
          }))}
        />
      )}
      {editing?.kind === 'edit' && <OrgFormModal org={org} parent={parent} orgs={orgs} onClose={() => setEditing(null)} />}
      {editing?.kind === 'child' && <OrgFormModal org={undefined} parent={org} orgs={orgs} onClose={() => setEditing(null)} onSaved={onSelect} />}
      {editing?.kind === 'change' && <OrgChangeModal change={editing.change} org={org} orgs={orgs} onClose={() => setEditing(null)} />}
    </Card>
  );
}
