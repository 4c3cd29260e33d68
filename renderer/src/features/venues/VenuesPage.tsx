// 阵地建设: all compounds' venues by community and compound, counts by kind, the compounds still
// without a venue, and how that gap closed over the years.
import { Card, Col, Flex, List, Row, Select, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Compound } from '@domain/collections';
import { useDocs } from '../../db/hooks';
import { CommunitySelect } from '../../components/CommunitySelect';
import { ExportButton } from '../../components/export/ExportButton';
import { PageHeader } from '../../components/PageHeader';
import { compareText } from '../../lib/collate';
import { paths } from '../../lib/paths';
import { visibleCommunities } from '../../lib/permissions';
import { useCurrentUser } from '../../session/useSession';
import { compoundsWithoutVenue, countsByKind, gapOverTime, venueKinds, venueRows, type GapRow, type KindCount, type VenueKind, type VenueRow } from './venueStats';

const kindColors: Record<VenueKind, string> = { shared: 'blue', rented: 'orange', revived: 'green', newBuilt: 'purple' };

/** Area in square metres, to one decimal. */
const area = (value: number) => Math.round(value * 10) / 10;
const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((part / whole) * 1000) / 10}%`);

export function VenuesPage() {
  const { t } = useTranslation('venues');
  const user = useCurrentUser();
  const compounds = useDocs('compounds');
  const communities = useDocs('communities');
  const units = useDocs('units');
  const [communityId, setCommunityId] = useState<string | undefined>();
  const [kind, setKind] = useState<VenueKind | undefined>();

  const visible = visibleCommunities(user, communities.docs);
  const inCommunity = useMemo(
    () => (communityId === undefined ? compounds.docs : compounds.docs.filter((compound) => compound.communityId === communityId)),
    [compounds.docs, communityId],
  );
  const rows = useMemo(() => venueRows(inCommunity, communities.docs, compareText), [inCommunity, communities.docs]);
  const shown = useMemo(() => (kind === undefined ? rows : rows.filter((row) => row.venue.kind === kind)), [rows, kind]);
  const kinds = useMemo(() => countsByKind(inCommunity), [inCommunity]);
  const without = useMemo(() => [...compoundsWithoutVenue(inCommunity)].sort((a, b) => compareText(a.name, b.name)), [inCommunity]);
  const gap = useMemo(() => gapOverTime(inCommunity, new Date().getFullYear()), [inCommunity]);
  const unitNames = useMemo(() => new Map(units.docs.map((unit) => [unit.id, unit.name])), [units.docs]);
  const communityName = (compound: Compound) => communities.docs.find((community) => community.id === compound.communityId)?.name ?? '';
  const kindLabel = (value: VenueKind) => t(`kinds.${value}`);
  const totalVenues = kinds.reduce((sum, row) => sum + row.venues, 0);
  const totalArea = kinds.reduce((sum, row) => sum + row.area, 0);
  const empty = '—';

  const columns: TableColumnsType<VenueRow> = [
    { title: t('columns.community'), key: 'community', dataIndex: 'communityName', sorter: (a, b) => compareText(a.communityName, b.communityName) },
    {
      title: t('columns.compound'),
      key: 'compound',
      sorter: (a, b) => compareText(a.compound.name, b.compound.name),
      render: (_, row) => <Link to={paths.compound(row.compound.id)}>{row.compound.name}</Link>,
    },
    { title: t('columns.name'), key: 'name', render: (_, row) => row.venue.name ?? t('unnamed') },
    {
      title: t('columns.kind'),
      key: 'kind',
      render: (_, row) => <Tag color={kindColors[row.venue.kind]}>{kindLabel(row.venue.kind)}</Tag>,
      sorter: (a, b) => venueKinds.indexOf(a.venue.kind) - venueKinds.indexOf(b.venue.kind),
    },
    {
      title: t('columns.area'),
      key: 'area',
      align: 'right',
      render: (_, row) => row.venue.areaSquareMeters ?? empty,
      sorter: (a, b) => (a.venue.areaSquareMeters ?? 0) - (b.venue.areaSquareMeters ?? 0),
    },
    { title: t('columns.address'), key: 'address', render: (_, row) => row.venue.address ?? empty },
    { title: t('columns.openingHours'), key: 'openingHours', render: (_, row) => row.venue.openingHours ?? empty },
    {
      title: t('columns.contributor'),
      key: 'contributor',
      render: (_, row) => (row.venue.contributorUnitId !== undefined ? unitNames.get(row.venue.contributorUnitId) : undefined) ?? row.venue.contributor ?? empty,
    },
    {
      title: t('columns.openedOn'),
      key: 'openedOn',
      render: (_, row) => row.venue.openedOn ?? empty,
      sorter: (a, b) => (a.venue.openedOn ?? '').localeCompare(b.venue.openedOn ?? ''),
    },
  ];

  const kindColumns: TableColumnsType<KindCount> = [
    { title: t('byKind.kind'), dataIndex: 'kind', render: (value: VenueKind) => <Tag color={kindColors[value]}>{kindLabel(value)}</Tag> },
    { title: t('byKind.venues'), dataIndex: 'venues', align: 'right' },
    { title: t('byKind.compounds'), dataIndex: 'compounds', align: 'right' },
    { title: t('byKind.area'), dataIndex: 'area', align: 'right', render: (value: number) => area(value) },
  ];

  const gapColumns: TableColumnsType<GapRow> = [
    { title: t('gap.year'), dataIndex: 'period' },
    { title: t('gap.added'), dataIndex: 'added', align: 'right' },
    { title: t('gap.withVenue'), dataIndex: 'withVenue', align: 'right', render: (value: number, row) => `${value} / ${row.total}` },
    { title: t('gap.withoutVenue'), dataIndex: 'withoutVenue', align: 'right' },
    { title: t('gap.coverage'), key: 'coverage', align: 'right', render: (_, row) => percent(row.withVenue, row.total) },
  ];

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        {visible.length > 1 && (
          <CommunitySelect
            communities={visible}
            value={communityId}
            onChange={setCommunityId}
            placeholder={t('allCommunities')}
            allowClear
            style={{ width: 180 }}
            testId="venues-community"
          />
        )}
        <Select<VenueKind>
          allowClear
          value={kind}
          onChange={(value) => setKind(value)}
          placeholder={t('allKinds')}
          options={venueKinds.map((value) => ({ value, label: kindLabel(value) }))}
          style={{ width: 200 }}
          data-testid="venues-kind"
        />
      </Flex>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('summary.venues')} value={totalVenues} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('summary.area')} value={area(totalArea)} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('summary.covered')} value={gap.now} suffix={`/ ${gap.total}`} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('summary.uncovered')} value={without.length} />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('byKind.title')} style={{ height: '100%' }}>
            <Table<KindCount> rowKey="kind" columns={kindColumns} dataSource={kinds} pagination={false} size="small" data-testid="venues-by-kind" />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('without.title')} style={{ height: '100%' }}>
            {without.length === 0 ? (
              <Typography.Text type="secondary">{t('without.empty')}</Typography.Text>
            ) : (
              <>
                <Typography.Paragraph type="secondary">{t('without.count', { count: without.length })}</Typography.Paragraph>
                <List
                  size="small"
                  dataSource={without}
                  pagination={without.length > 10 ? { pageSize: 10, size: 'small' } : false}
                  renderItem={(compound) => (
                    <List.Item>
                      <Link to={paths.compound(compound.id)} data-testid={`venues-without-${compound.id}`}>
                        {compound.name}
                      </Link>
                      <Typography.Text type="secondary">{communityName(compound)}</Typography.Text>
                    </List.Item>
                  )}
                  data-testid="venues-without"
                />
              </>
            )}
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('gap.title')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('gap.help')}</Typography.Paragraph>
        <Table<GapRow>
          rowKey="period"
          columns={gapColumns}
          dataSource={gap.rows}
          pagination={false}
          size="small"
          locale={{ emptyText: t('gap.empty') }}
          data-testid="venues-gap"
        />
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
          {t('gap.now', { covered: gap.now, total: gap.total })}
          {gap.undated > 0 && <Typography.Text type="secondary"> {t('gap.undated', { count: gap.undated })}</Typography.Text>}
        </Typography.Paragraph>
      </Card>
      <Card size="small" title={t('list.title')}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{t('list.total', { count: shown.length })}</Typography.Text>
          <ExportButton listName={t('title')} columns={columns} rows={shown} />
        </Flex>
        <Table<VenueRow>
          rowKey="key"
          columns={columns}
          dataSource={shown}
          loading={compounds.loading}
          pagination={{ defaultPageSize: 50, hideOnSinglePage: true, showSizeChanger: true }}
          size="middle"
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: rows.length === 0 ? t('list.empty') : t('list.emptyFiltered') }}
          data-testid="venues-table"
        />
      </Card>
    </>
  );
}
