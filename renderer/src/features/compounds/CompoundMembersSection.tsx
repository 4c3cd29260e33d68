// The compound's team members at a glance; they are edited on the members pages.
import { Button, Card, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Compound, Member } from '@domain/collections';
import { useDocs } from '../../db/hooks';
import { MaskedText } from '../../components/MaskedText';
import { compareText, sortByName } from '../../lib/collate';
import { byId } from '../../lib/counts';
import { paths } from '../../lib/paths';

export function CompoundMembersSection({ compound, mayEdit }: { compound: Compound; mayEdit: boolean }) {
  const { t } = useTranslation('compounds');
  const members = useDocs('members', { selector: { compoundId: compound.id } });
  const buildings = useDocs('buildings', { selector: { compoundId: compound.id } });
  const sorted = useMemo(() => sortByName(members.docs), [members.docs]);
  const buildingById = useMemo(() => byId(buildings.docs), [buildings.docs]);
  const buildingName = (member: Member) => (member.buildingId === undefined ? '' : (buildingById.get(member.buildingId)?.name ?? ''));

  const columns: TableColumnsType<Member> = [
    {
      title: t('members.columns.name'),
      dataIndex: 'name',
      sorter: (a, b) => compareText(a.name, b.name),
      render: (name: string, member) => (mayEdit ? <Link to={paths.member(member.id)}>{name}</Link> : name),
    },
    { title: t('members.columns.building'), key: 'building', render: (_, member) => buildingName(member), sorter: (a, b) => compareText(buildingName(a), buildingName(b)) },
    { title: t('members.columns.room'), key: 'room', render: (_, member) => [member.unitNo, member.room].filter(Boolean).join(' / ') },
    { title: t('members.columns.mobile'), dataIndex: 'mobile', render: (mobile: string | undefined) => <MaskedText kind="mobile" value={mobile} /> },
    { title: t('members.columns.party'), dataIndex: 'isPartyMember', render: (party: boolean) => party && <Tag color="red">{t('yes')}</Tag> },
    { title: t('members.columns.category'), dataIndex: 'category', render: (category: Member['category']) => category && t(`categories.${category}`) },
  ];

  return (
    <Card
      title={t('members.title')}
      extra={
        mayEdit && (
          <Link to={paths.newMember({ communityId: compound.communityId, compoundId: compound.id })}>
            <Button icon={<PlusOutlined />} data-testid="compound-member-create">
              {t('members.create')}
            </Button>
          </Link>
        )
      }
    >
      <Table<Member>
        rowKey="id"
        columns={columns}
        dataSource={sorted}
        loading={members.loading}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
        size="small"
        locale={{ emptyText: t('members.empty') }}
      />
    </Card>
  );
}
