// A unit's people: its contact person, then the team members whose work unit it is (a paired
// department's Party members, a property company's). Mobiles are masked, as in every list.
import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Compound, Member, Unit } from '@domain/collections';
import { MaskedText } from '../../components/MaskedText';
import { paths } from '../../lib/paths';

interface ContactRow {
  key: string;
  name: string;
  phone: string | undefined;
  member?: Member;
}

interface UnitContactsSectionProps {
  unit: Unit;
  members: readonly Member[];
  compoundById: ReadonlyMap<string, Compound>;
  /** Staff hold only their communities' members: the list says it is partial. */
  partial: boolean;
}

export function UnitContactsSection({ unit, members, compoundById, partial }: UnitContactsSectionProps) {
  const { t } = useTranslation('units');
  const rows: ContactRow[] = [
    ...(unit.contactName !== undefined || unit.contactPhone !== undefined
      ? [{ key: 'unit-contact', name: unit.contactName ?? '', phone: unit.contactPhone }]
      : []),
    ...members.map((member) => ({ key: member.id, name: member.name, phone: member.mobile, member })),
  ];
  const columns: TableColumnsType<ContactRow> = [
    {
      title: t('contacts.columns.name'),
      dataIndex: 'name',
      render: (name: string, row) => (row.member ? <Link to={paths.member(row.member.id)}>{name}</Link> : name || t('detail.notGiven')),
    },
    {
      title: t('contacts.columns.role'),
      key: 'role',
      render: (_, row) => (row.member ? t('contacts.member') : <Tag color="blue">{t('contacts.unitContact')}</Tag>),
    },
    { title: t('contacts.columns.mobile'), dataIndex: 'phone', render: (phone: string | undefined) => <MaskedText kind="mobile" value={phone} /> },
    {
      title: t('contacts.columns.compound'),
      key: 'compound',
      render: (_, row) => {
        const compound = row.member?.compoundId === undefined ? undefined : compoundById.get(row.member.compoundId);
        return compound ? <Link to={paths.compound(compound.id)}>{compound.name}</Link> : null;
      },
    },
    {
      title: t('contacts.columns.category'),
      key: 'category',
      render: (_, row) => (row.member?.category === undefined ? null : t(`categories.${row.member.category}`)),
    },
  ];
  return (
    <section style={{ marginBottom: 24 }} data-testid="unit-contacts">
      <Typography.Title level={4}>{t('contacts.title', { count: rows.length })}</Typography.Title>
      <Table<ContactRow> rowKey="key" columns={columns} dataSource={rows} pagination={false} size="small" locale={{ emptyText: t('contacts.empty') }} />
      {partial && <Typography.Paragraph type="secondary">{t('contacts.partial')}</Typography.Paragraph>}
    </section>
  );
}
