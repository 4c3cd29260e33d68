// 单位: the street's units by kind — paired departments and the compounds they hold, stationed and
// jurisdiction units, enterprises, property companies, owners' committees. Street admins keep the
// list; community staff read it.
import { Alert, Button, Flex, Input, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Unit } from '@domain/collections';
import { useDocs } from '../../db/hooks';
import { removeDoc } from '../../db/write';
import { MaskedText } from '../../components/MaskedText';
import { ExportButton } from '../../components/export/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { rowActionsColumn } from '../../components/RowActions';
import { compareText, sortByName } from '../../lib/collate';
import { byId, countOf } from '../../lib/counts';
import { canCreate, canEdit } from '../../lib/permissions';
import { useSearch } from '../../lib/useSearch';
import { useCurrentUser } from '../../session/useSession';
import { UnitFilterBar } from './UnitFilterBar';
import { UnitFormModal } from './UnitFormModal';
import { filterUnits, unitSearchSource, type UnitFilters } from './unitFilters';
import { useUnitDeleteTexts, useUnitDependants } from './useUnitDependants';
import { paths } from '../../lib/paths';

type Editing = { unit: Unit | undefined } | null;

const kindColors: Record<Unit['kind'], string> = {
  department: 'red',
  stationed: 'blue',
  jurisdiction: 'cyan',
  enterprise: 'purple',
  propertyCompany: 'gold',
  ownersCommittee: 'green',
};

export function UnitsPage() {
  const { t } = useTranslation('units');
  const user = useCurrentUser();
  const units = useDocs('units');
  const communities = useDocs('communities');
  const compounds = useDocs('compounds');
  const dependants = useUnitDependants();
  const deleteTexts = useUnitDeleteTexts(dependants);
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<UnitFilters>({});
  const [editing, setEditing] = useState<Editing>(null);

  const communityById = useMemo(() => byId(communities.docs), [communities.docs]);
  const compoundById = useMemo(() => byId(compounds.docs), [compounds.docs]);
  const sorted = useMemo(() => sortByName(units.docs), [units.docs]);
  const found = useSearch(sorted, unitSearchSource, query);
  const shown = useMemo(() => filterUnits(found, filters, compoundById), [found, filters, compoundById]);
  const mayCreate = canCreate(user, 'units');
  const communityName = (unit: Unit) => (unit.communityId === undefined ? t('streetLevel') : (communityById.get(unit.communityId)?.name ?? ''));
  // A department's pairings (in the unit itself), a property company's compounds (counted only by
  // those who hold every compound: staff would read a false zero).
  const seesAllCompounds = user.role === 'street_admin';
  const compoundCount = (unit: Unit) =>
    unit.kind === 'department'
      ? (unit.pairedCompoundIds ?? []).length
      : unit.kind === 'propertyCompany' && seesAllCompounds
        ? countOf(dependants.propertyCompounds, unit.id)
        : undefined;

  const columns: TableColumnsType<Unit> = [
    {
      title: t('columns.name'),
      dataIndex: 'name',
      width: 240,
      sorter: (a, b) => compareText(a.name, b.name),
      render: (name: string, unit) => <Link to={paths.unit(unit.id)}>{name}</Link>,
    },
    {
      title: t('columns.kind'),
      dataIndex: 'kind',
      width: 120,
      render: (kind: Unit['kind']) => <Tag color={kindColors[kind]}>{t(`kinds.${kind}`)}</Tag>,
      sorter: (a, b) => compareText(t(`kinds.${a.kind}`), t(`kinds.${b.kind}`)),
    },
    { title: t('columns.community'), key: 'community', width: 140, render: (_, unit) => communityName(unit), sorter: (a, b) => compareText(communityName(a), communityName(b)) },
    { title: t('columns.contactName'), dataIndex: 'contactName', width: 110 },
    { title: t('columns.contactPhone'), dataIndex: 'contactPhone', width: 150, render: (phone: string | undefined) => <MaskedText kind="mobile" value={phone} /> },
    {
      title: t('columns.compounds'),
      key: 'compounds',
      width: 130,
      align: 'right',
      render: (_, unit) => compoundCount(unit) ?? '—',
      sorter: (a, b) => (compoundCount(a) ?? -1) - (compoundCount(b) ?? -1),
    },
  ];
  if (mayCreate) {
    columns.push(
      rowActionsColumn<Unit>({
        title: t('columns.actions'),
        editLabel: t('edit'),
        testIdPrefix: 'unit',
        mayEdit: (unit) => canEdit(user, 'units', unit),
        onEdit: (unit) => setEditing({ unit }),
        remove: (unit) => ({
          title: t('deleteTitle', { name: unit.name }),
          content: deleteTexts.confirmContent(unit),
          blockedReason: deleteTexts.blockedReason(unit),
          onConfirm: () => removeDoc('units', unit.id),
        }),
      }),
    );
  }

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          mayCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ unit: undefined })} data-testid="unit-create">
              {t('create')}
            </Button>
          )
        }
      />
      {!mayCreate && <Alert type="info" showIcon title={t('readOnly')} style={{ marginBottom: 16 }} />}
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('search')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          style={{ width: 340 }}
          data-testid="unit-search"
        />
        {/* Units are the street's: staff read all of them, so every community is a filter. */}
        <UnitFilterBar communities={communities.docs} filters={filters} onChange={setFilters} />
        <Typography.Text type="secondary">{t('total', { count: shown.length })}</Typography.Text>
        <ExportButton listName={t('title')} columns={columns} rows={shown} />
      </Flex>
      <Table<Unit>
        rowKey="id"
        columns={columns}
        dataSource={shown}
        loading={units.loading}
        pagination={false}
        size="middle"
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: units.docs.length === 0 ? t('empty') : t('emptyFiltered') }}
      />
      {editing && (editing.unit ? canEdit(user, 'units', editing.unit) : mayCreate) && (
        <UnitFormModal
          unit={editing.unit}
          units={units.docs}
          communities={communities.docs}
          compounds={compounds.docs}
          preset={filters}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
