// 网格详情: one grid with its buildings (and each one's red building leader), its people with
// their roles, and its gaps: buildings with no leader, people of the community in no grid, and
// buildings of its compounds that no grid covers.
import { Button, Card, Descriptions, Flex, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Building, Grid } from '@domain/collections';
import { useDoc, useDocs } from '../../db/hooks';
import { removeDoc } from '../../db/write';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { MaskedText } from '../../components/MaskedText';
import { PageHeader } from '../../components/PageHeader';
import { RecordHistoryButton } from '../../components/RecordHistory';
import { PageLoading, PageNotFound } from '../../components/PageState';
import { compareText } from '../../lib/collate';
import { byId } from '../../lib/counts';
import { paths } from '../../lib/paths';
import { canEdit, writableCommunities } from '../../lib/permissions';
import { useCurrentUser } from '../../session/useSession';
import { GridFormModal } from './GridFormModal';
import { gridGaps, gridPeople, type GridPerson } from './gridModel';

export function GridDetailPage() {
  const { id } = useParams();
  const { doc: grid, loading } = useDoc('grids', id);
  if (loading) return <PageLoading />;
  if (!grid) return <PageNotFound backTo={paths.grids} />;
  return <GridDetail grid={grid} />;
}

/** Gap lists can be long (a whole community's unplaced people): the first ones, then a count. */
const GAP_SHOWN = 30;

function GridDetail({ grid }: { grid: Grid }) {
  const { t } = useTranslation('grids');
  const user = useCurrentUser();
  const navigate = useNavigate();
  const community = { selector: { communityId: grid.communityId } };
  const { doc: communityDoc } = useDoc('communities', grid.communityId);
  const communities = useDocs('communities');
  const compounds = useDocs('compounds', community);
  const buildings = useDocs('buildings', community);
  const members = useDocs('members', community);
  const grids = useDocs('grids', community);
  const [editing, setEditing] = useState(false);
  const mayEdit = canEdit(user, 'grids', grid);

  const compoundById = useMemo(() => byId(compounds.docs), [compounds.docs]);
  const memberById = useMemo(() => byId(members.docs), [members.docs]);
  const people = useMemo(() => gridPeople(grid, memberById), [grid, memberById]);
  const gaps = useMemo(() => gridGaps(grid, grids.docs, buildings.docs, members.docs), [grid, grids.docs, buildings.docs, members.docs]);
  const placedHere = useMemo(() => members.docs.filter((member) => member.gridId === grid.id).length, [members.docs, grid.id]);
  const ownBuildings = useMemo(() => {
    const ids = new Set(grid.buildingIds ?? []);
    const compoundName = (building: Building) => compoundById.get(building.compoundId)?.name ?? '';
    return buildings.docs.filter((building) => ids.has(building.id)).sort((a, b) => compareText(compoundName(a), compoundName(b)) || compareText(a.name, b.name));
  }, [grid.buildingIds, buildings.docs, compoundById]);
  const compoundName = (building: Building) => compoundById.get(building.compoundId)?.name ?? '';
  const buildingLabel = (building: Building) => `${compoundName(building)} ${building.name}`;
  const memberLink = (id: string, name: string) => <Link to={paths.member(id)}>{name}</Link>;
  const notGiven = t('detail.notGiven');

  const leaderCell = (building: Building) => {
    if (building.leaderMemberId === undefined) return <Tag color="warning">{t('detail.noLeader')}</Tag>;
    const leader = memberById.get(building.leaderMemberId);
    return leader ? memberLink(leader.id, leader.name) : t('detail.unknownMember');
  };
  const buildingColumns: TableColumnsType<Building> = [
    {
      title: t('detail.compound'),
      key: 'compound',
      render: (_, building) => <Link to={paths.compound(building.compoundId)}>{compoundName(building)}</Link>,
      sorter: (a, b) => compareText(compoundName(a), compoundName(b)),
    },
    { title: t('detail.building'), dataIndex: 'name', sorter: (a, b) => compareText(a.name, b.name) },
    { title: t('detail.leader'), key: 'leader', render: (_, building) => <span data-testid={`grid-building-leader-${building.id}`}>{leaderCell(building)}</span> },
  ];

  const buildingById = useMemo(() => byId(buildings.docs), [buildings.docs]);
  const personColumns: TableColumnsType<GridPerson> = [
    {
      title: t('detail.name'),
      key: 'name',
      render: (_, { member }) => memberLink(member.id, member.name),
      sorter: (a, b) => compareText(a.member.name, b.member.name),
    },
    {
      title: t('detail.roles'),
      key: 'roles',
      render: (_, person) => (
        <Space size={4} wrap>
          {person.roles.map((role) => (
            <Tag key={role} color={role === 'resident' ? undefined : 'red'}>
              {t(`roles.${role}`)}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: t('detail.category'), key: 'category', render: (_, { member }) => member.category && t(`categories.${member.category}`) },
    {
      title: t('detail.home'),
      key: 'home',
      render: (_, { member }) => {
        const home = member.buildingId === undefined ? undefined : buildingById.get(member.buildingId);
        return home ? buildingLabel(home) : '';
      },
    },
    { title: t('detail.mobile'), key: 'mobile', render: (_, { member }) => <MaskedText kind="mobile" value={member.mobile} /> },
  ];

  const coveredCompounds = (grid.compoundIds ?? []).flatMap((id) => compoundById.get(id) ?? []);
  const gapCount = gaps.buildingsWithoutLeader.length + gaps.peopleWithoutGrid.length + gaps.buildingsWithoutGrid.length;

  return (
    <>
      <PageHeader
        title={grid.name}
        subtitle={communityDoc?.name}
        extra={
          <>
            <Link to={paths.grids}>
              <Button icon={<ArrowLeftOutlined />}>{t('detail.back')}</Button>
            </Link>
            <RecordHistoryButton collection="grids" id={grid.id} name={grid.name} />
            {mayEdit && (
              <>
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="grid-edit">
                  {t('edit')}
                </Button>
                <ConfirmDelete
                  asButton
                  title={t('deleteTitle', { name: grid.name })}
                  content={t('deleteContent')}
                  blockedReason={placedHere > 0 ? t('deleteBlocked', { name: grid.name, count: placedHere }) : undefined}
                  onConfirm={() => removeDoc('grids', grid.id)}
                  onDeleted={() => void navigate(paths.grids)}
                  testId="grid-delete"
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
          { key: 'community', label: t('detail.community'), children: communityDoc?.name ?? notGiven },
          { key: 'code', label: t('detail.code'), children: grid.code ?? notGiven },
          {
            key: 'compounds',
            label: t('detail.compounds'),
            children:
              coveredCompounds.length === 0 ? (
                t('detail.none')
              ) : (
                <Space size={4} wrap>
                  {coveredCompounds.map((compound) => (
                    <Link key={compound.id} to={paths.compound(compound.id)}>
                      <Tag>{compound.name}</Tag>
                    </Link>
                  ))}
                </Space>
              ),
          },
        ]}
      />
      <Card title={t('detail.gaps')} style={{ marginBottom: 24 }} data-testid="grid-gaps">
        {gapCount === 0 ? (
          <Typography.Text type="success">{t('detail.gapsNone')}</Typography.Text>
        ) : (
          <Flex vertical gap={16}>
            <GapList
              title={t('detail.buildingsWithoutLeader', { count: gaps.buildingsWithoutLeader.length })}
              items={gaps.buildingsWithoutLeader.map((building) => ({ key: building.id, node: <Link to={paths.compound(building.compoundId)}>{buildingLabel(building)}</Link> }))}
              more={(count) => t('detail.more', { count })}
              testId="grid-gap-no-leader"
            />
            <GapList
              title={t('detail.peopleWithoutGrid', { count: gaps.peopleWithoutGrid.length })}
              items={gaps.peopleWithoutGrid.map((member) => ({ key: member.id, node: memberLink(member.id, member.name) }))}
              more={(count) => t('detail.more', { count })}
              testId="grid-gap-no-grid-people"
            />
            <GapList
              title={t('detail.buildingsWithoutGrid', { count: gaps.buildingsWithoutGrid.length })}
              items={gaps.buildingsWithoutGrid.map((building) => ({ key: building.id, node: <Link to={paths.compound(building.compoundId)}>{buildingLabel(building)}</Link> }))}
              more={(count) => t('detail.more', { count })}
              testId="grid-gap-no-grid-buildings"
            />
          </Flex>
        )}
      </Card>
      <Card title={t('detail.buildings', { count: ownBuildings.length })} style={{ marginBottom: 24 }}>
        <Table<Building>
          rowKey="id"
          columns={buildingColumns}
          dataSource={ownBuildings}
          loading={buildings.loading}
          pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
          size="small"
          locale={{ emptyText: t('detail.buildingsEmpty') }}
          data-testid="grid-buildings-table"
        />
      </Card>
      <Card title={t('detail.people', { count: people.length })}>
        <Table<GridPerson>
          rowKey={(person) => person.member.id}
          columns={personColumns}
          dataSource={people}
          loading={members.loading}
          pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
          size="small"
          locale={{ emptyText: t('detail.peopleEmpty') }}
          data-testid="grid-people-table"
        />
      </Card>
      {editing && (
        <GridFormModal
          grid={grid}
          communities={writableCommunities(user, communities.docs)}
          communityLocked={placedHere > 0}
          onClose={() => setEditing(false)}
        />
      )}
    </>
  );
}

interface GapListProps {
  title: string;
  items: { key: string; node: ReactNode }[];
  more: (count: number) => string;
  testId: string;
}

function GapList({ title, items, more, testId }: GapListProps) {
  if (items.length === 0) return null;
  return (
    <div data-testid={testId}>
      <Typography.Text strong>{title}</Typography.Text>
      <Flex wrap gap="4px 16px" style={{ marginTop: 8 }}>
        {items.slice(0, GAP_SHOWN).map((item) => (
          <span key={item.key}>{item.node}</span>
        ))}
      </Flex>
      {items.length > GAP_SHOWN && <Typography.Text type="secondary">{more(items.length)}</Typography.Text>}
    </div>
  );
}
