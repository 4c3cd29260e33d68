// The buildings of a compound, edited in place: staff enter them as they walk the compound.
import { Button, Card, Checkbox, Space, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Building, Compound } from '@domain/collections';
import { useDocs } from '../../db/hooks';
import { removeDoc } from '../../db/write';
import { RowActions } from '../../components/RowActions';
import { sortByName, compareText } from '../../lib/collate';
import { countBy, countOf } from '../../lib/counts';
import { deleteBlockers, describeBlockers } from '../../lib/dependants';
import { BuildingFormModal } from './BuildingFormModal';
import { BuildingLeaderActions } from './BuildingLeaderActions';
import { useBuildingLeaderNames } from './useBuildingLeaderNames';

type Editing = { building: Building | undefined } | null;

export function BuildingsSection({ compound, mayEdit }: { compound: Compound; mayEdit: boolean }) {
  const { t } = useTranslation('compounds');
  const buildings = useDocs('buildings', { selector: { compoundId: compound.id } });
  const members = useDocs('members', { selector: { compoundId: compound.id } });
  const [editing, setEditing] = useState<Editing>(null);
  const [onlyWithoutLeader, setOnlyWithoutLeader] = useState(false);
  const sorted = useMemo(() => sortByName(buildings.docs), [buildings.docs]);
  const withoutLeader = useMemo(() => sorted.filter((building) => building.leaderMemberId === undefined), [sorted]);
  const { names: leaderNames } = useBuildingLeaderNames(useMemo(() => buildings.docs.flatMap((building) => building.leaderMemberId ?? []), [buildings.docs]));
  const leaderName = (building: Building) => (building.leaderMemberId === undefined ? undefined : (leaderNames.get(building.leaderMemberId) ?? t('leaders.unknownMember')));
  const membersPerBuilding = useMemo(() => countBy(members.docs, (member) => member.buildingId), [members.docs]);

  const blockedReason = (building: Building) => {
    const blockers = deleteBlockers({ members: countOf(membersPerBuilding, building.id) });
    if (blockers.length === 0) return undefined;
    const what = describeBlockers(blockers, (kind, count) => t(`dependants.${kind}`, { count }), t('dependants.separator'));
    return t('buildings.deleteBlocked', { name: building.name, what });
  };

  const number = (value: number | undefined) => value ?? '—';
  const columns: TableColumnsType<Building> = [
    { title: t('buildings.columns.name'), dataIndex: 'name', sorter: (a, b) => compareText(a.name, b.name) },
    { title: t('buildings.columns.units'), dataIndex: 'units', align: 'right', render: number },
    { title: t('buildings.columns.households'), dataIndex: 'households', align: 'right', render: number },
    { title: t('buildings.columns.floors'), dataIndex: 'floors', align: 'right', render: number },
    { title: t('buildings.columns.members'), key: 'members', align: 'right', render: (_, building) => countOf(membersPerBuilding, building.id) },
    {
      title: t('leaders.column'),
      key: 'leader',
      sorter: (a, b) => compareText(leaderName(a), leaderName(b)),
      render: (_, building) => (
        <Space wrap size={4}>
          <span data-testid={`building-leader-${building.id}`}>{leaderName(building) ?? <Tag color="warning">{t('leaders.none')}</Tag>}</span>
          <BuildingLeaderActions building={building} leaderName={leaderName(building)} mayEdit={mayEdit} />
        </Space>
      ),
    },
  ];
  if (mayEdit) {
    columns.push({
      title: t('buildings.columns.actions'),
      key: 'actions',
      width: 170,
      render: (_, building) => (
        <RowActions
          editLabel={t('buildings.edit')}
          onEdit={() => setEditing({ building })}
          editTestId={`building-edit-${building.id}`}
          remove={{
            title: t('buildings.deleteTitle', { name: building.name }),
            content: t('deleteContent'),
            blockedReason: blockedReason(building),
            onConfirm: () => removeDoc('buildings', building.id),
            testId: `building-delete-${building.id}`,
          }}
        />
      ),
    });
  }

  return (
    <Card
      title={t('buildings.title')}
      style={{ marginBottom: 24 }}
      extra={
        <Space>
          <Checkbox checked={onlyWithoutLeader} onChange={(event) => setOnlyWithoutLeader(event.target.checked)} data-testid="buildings-without-leader">
            {t('leaders.onlyWithout')}
            {t('leaders.withoutCount', { count: withoutLeader.length })}
          </Checkbox>
          {mayEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ building: undefined })} data-testid="building-create">
              {t('buildings.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Table<Building>
        rowKey="id"
        columns={columns}
        dataSource={onlyWithoutLeader ? withoutLeader : sorted}
        loading={buildings.loading}
        pagination={false}
        size="small"
        locale={{ emptyText: onlyWithoutLeader && sorted.length > 0 ? t('leaders.allHaveLeaders') : t('buildings.empty') }}
        data-testid="building-table"
      />
      {editing && <BuildingFormModal compound={compound} building={editing.building} siblings={buildings.docs} onClose={() => setEditing(null)} />}
    </Card>
  );
}
