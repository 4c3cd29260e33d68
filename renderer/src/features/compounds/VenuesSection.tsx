// The venues (阵地) of a compound: where the compound branch meets residents and holds its services.
import { Button, Card, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Compound, Venue } from '@domain/collections';
import { useDocs } from '../../db/hooks';
import { saveDoc } from '../../db/write';
import { RowActions } from '../../components/RowActions';
import { compareText } from '../../lib/collate';
import { countBy, countOf } from '../../lib/counts';
import { paths } from '../../lib/paths';
import { VenueFormModal } from './VenueFormModal';
import { withoutVenue, type VenueKind } from './venueDoc';

type Editing = { venue: Venue | undefined } | null;

export const venueKindColors: Record<VenueKind, string> = { shared: 'blue', rented: 'orange', revived: 'green', newBuilt: 'purple' };

export function VenuesSection({ compound, mayEdit }: { compound: Compound; mayEdit: boolean }) {
  const { t } = useTranslation('compounds');
  const units = useDocs('units');
  const activities = useDocs('activities', { selector: { compoundId: compound.id } });
  const [editing, setEditing] = useState<Editing>(null);
  const venues = useMemo(() => compound.venues ?? [], [compound.venues]);
  const activitiesPerVenue = useMemo(() => countBy(activities.docs, (activity) => activity.venueId), [activities.docs]);
  const unitNames = useMemo(() => new Map(units.docs.map((unit) => [unit.id, unit.name])), [units.docs]);
  const totalArea = venues.reduce((sum, venue) => sum + (venue.areaSquareMeters ?? 0), 0);
  const nameOf = (venue: Venue) => venue.name ?? t('venues.unnamed');
  const empty = '—';

  const blockedReason = (venue: Venue) => {
    const count = countOf(activitiesPerVenue, venue.id);
    return count > 0 ? t('venues.deleteBlocked', { name: nameOf(venue), count }) : undefined;
  };

  const columns: TableColumnsType<Venue> = [
    { title: t('venues.columns.name'), key: 'name', render: (_, venue) => nameOf(venue), sorter: (a, b) => compareText(a.name, b.name) },
    {
      title: t('venues.columns.kind'),
      dataIndex: 'kind',
      render: (kind: VenueKind) => <Tag color={venueKindColors[kind]}>{t(`venues.kinds.${kind}`)}</Tag>,
    },
    { title: t('venues.columns.area'), dataIndex: 'areaSquareMeters', align: 'right', render: (area: number | undefined) => area ?? empty, sorter: (a, b) => (a.areaSquareMeters ?? 0) - (b.areaSquareMeters ?? 0) },
    { title: t('venues.columns.address'), dataIndex: 'address', render: (address: string | undefined) => address ?? empty },
    { title: t('venues.columns.openingHours'), dataIndex: 'openingHours', render: (hours: string | undefined) => hours ?? empty },
    {
      title: t('venues.columns.contributor'),
      key: 'contributor',
      render: (_, venue) => {
        const name = (venue.contributorUnitId !== undefined ? unitNames.get(venue.contributorUnitId) : undefined) ?? venue.contributor;
        if (name === undefined) return empty;
        return venue.contributorUnitId !== undefined && unitNames.has(venue.contributorUnitId) ? <Link to={paths.unit(venue.contributorUnitId)}>{name}</Link> : name;
      },
    },
    {
      title: t('venues.columns.openedOn'),
      dataIndex: 'openedOn',
      render: (openedOn: string | undefined) => openedOn ?? empty,
      sorter: (a, b) => (a.openedOn ?? '').localeCompare(b.openedOn ?? ''),
    },
  ];
  if (mayEdit) {
    columns.push({
      title: t('venues.columns.actions'),
      key: 'actions',
      width: 170,
      render: (_, venue) => (
        <RowActions
          editLabel={t('venues.edit')}
          onEdit={() => setEditing({ venue })}
          editTestId={`venue-edit-${venue.id}`}
          remove={{
            title: t('venues.deleteTitle', { name: nameOf(venue) }),
            content: t('deleteContent'),
            blockedReason: blockedReason(venue),
            // Removed from the compound as it is now; only the venues changed.
            onConfirm: () => saveDoc('compounds', withoutVenue(compound, venue.id), compound),
            testId: `venue-delete-${venue.id}`,
          }}
        />
      ),
    });
  }

  return (
    <Card
      title={t('venues.title')}
      style={{ marginBottom: 24 }}
      extra={
        mayEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ venue: undefined })} data-testid="venue-create">
            {t('venues.create')}
          </Button>
        )
      }
    >
      {venues.length > 0 && (
        <Typography.Paragraph type="secondary" data-testid="venue-total">
          {t('venues.total', { count: venues.length, area: Math.round(totalArea * 10) / 10 })}
        </Typography.Paragraph>
      )}
      <Table<Venue>
        rowKey="id"
        columns={columns}
        dataSource={venues}
        pagination={false}
        size="small"
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('venues.empty') }}
        data-testid="venue-table"
      />
      {editing && <VenueFormModal compound={compound} venue={editing.venue} units={units.docs} onClose={() => setEditing(null)} />}
    </Card>
  );
}
