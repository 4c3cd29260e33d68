// The members table's columns. Widths are fixed: a virtual table lays rows out without measuring.
import { Button, Tag, type TableColumnsType } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { Member } from '@domain/collections';
import { MaskedText } from '../../components/MaskedText';
import { compareText } from '../../lib/collate';
import { paths } from '../../lib/paths';
import { homeAddress, type MemberRow } from './memberRows';

export function memberColumns(t: TFunction<'members'>, mayEdit: (row: MemberRow) => boolean): TableColumnsType<MemberRow> {
  const address = (row: MemberRow) => homeAddress(row, (unitNo) => t('unitSuffix', { unitNo }));
  return [
    {
      title: t('columns.name'),
      dataIndex: 'name',
      width: 110,
      fixed: 'left',
      sorter: (a, b) => compareText(a.name, b.name),
      render: (name: string, row) => (mayEdit(row) ? <Link to={paths.member(row.id)}>{name}</Link> : name),
    },
    { title: t('columns.gender'), dataIndex: 'gender', width: 80, render: (gender: Member['gender']) => gender && t(`genders.${gender}`) },
    { title: t('columns.community'), dataIndex: 'communityName', width: 120, sorter: (a, b) => compareText(a.communityName, b.communityName) },
    { title: t('columns.address'), key: 'address', width: 240, ellipsis: true, render: (_, row) => address(row), sorter: (a, b) => compareText(address(a), address(b)) },
    { title: t('columns.mobile'), dataIndex: 'mobile', width: 130, render: (mobile: string | undefined) => <MaskedText kind="mobile" value={mobile} /> },
    { title: t('columns.idNumber'), dataIndex: 'idNumber', width: 190, render: (idNumber: string | undefined) => <MaskedText kind="idNumber" value={idNumber} /> },
    {
      title: t('columns.party'),
      dataIndex: 'isPartyMember',
      width: 90,
      render: (party: boolean) => (party ? <Tag color="red">{t('yes')}</Tag> : t('no')),
    },
    { title: t('columns.category'), dataIndex: 'category', width: 160, render: (category: Member['category']) => category && t(`categories.${category}`) },
    { title: t('columns.workUnit'), dataIndex: 'workUnit', width: 180, ellipsis: true },
    {
      title: t('columns.actions'),
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_, row) =>
        mayEdit(row) && (
          <Link to={paths.member(row.id)}>
            <Button type="link" size="small" icon={<EditOutlined />} data-testid={`member-edit-${row.id}`}>
              {t('edit')}
            </Button>
          </Link>
        ),
    },
  ];
}
