// The compounds a unit works with: a department's paired compounds, or the compounds a property
// company serves. Compounds outside the person's scope are counted, not named.
import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Community, Compound } from '@domain/collections';
import { compareText } from '../../lib/collate';
import { paths } from '../../lib/paths';

interface UnitCompoundsSectionProps {
  title: string;
  empty: string;
  compounds: readonly Compound[];
  /** Paired compounds this device does not hold (another community's, or deleted). */
  hidden: number;
  communityById: ReadonlyMap<string, Community>;
  /** The list holds only the person's communities' compounds and cannot tell how many others. */
  partial?: boolean;
  testId: string;
}

export function UnitCompoundsSection({ title, empty, compounds, hidden, communityById, partial, testId }: UnitCompoundsSectionProps) {
  const { t } = useTranslation('units');
  const communityName = (compound: Compound) => communityById.get(compound.communityId)?.name ?? '';
  const columns: TableColumnsType<Compound> = [
    {
      title: t('compounds.columns.name'),
      dataIndex: 'name',
      sorter: (a, b) => compareText(a.name, b.name),
      render: (name: string, compound) => <Link to={paths.compound(compound.id)}>{name}</Link>,
    },
    { title: t('compounds.columns.community'), key: 'community', render: (_, compound) => communityName(compound), sorter: (a, b) => compareText(communityName(a), communityName(b)) },
    { title: t('compounds.columns.residents'), dataIndex: 'residentCount', align: 'right', sorter: (a, b) => a.residentCount - b.residentCount },
    { title: t('compounds.columns.pilot'), dataIndex: 'pilot', render: (pilot: boolean) => pilot && <Tag color="red">{t('compounds.pilotTag')}</Tag> },
  ];
  return (
    <section style={{ marginBottom: 24 }} data-testid={testId}>
      <Typography.Title level={4}>{title}</Typography.Title>
      <Table<Compound>
        rowKey="id"
        columns={columns}
        dataSource={[...compounds].sort((a, b) => compareText(a.name, b.name))}
        pagination={false}
        size="small"
        locale={{ emptyText: hidden > 0 ? ' ' : empty }}
      />
      {hidden > 0 && <Typography.Paragraph type="secondary">{t('compounds.hidden', { count: hidden })}</Typography.Paragraph>}
      {partial === true && <Typography.Paragraph type="secondary">{t('compounds.partial')}</Typography.Paragraph>}
    </section>
  );
}
