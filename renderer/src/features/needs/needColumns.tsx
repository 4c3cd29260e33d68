// The needs list's table columns.
import { Space, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { compareText } from '../../lib/collate';
import { paths } from '../../lib/paths';
import type { NeedRow } from './needRows';
import { NewTag, OverdueTag, StateTag, UrgencyTag } from './NeedTags';
import { urgencyRank } from './needRows';
import type { useNeedTexts } from './useNeedTexts';

type Texts = ReturnType<typeof useNeedTexts>;

export function needColumns({ t }: Texts): TableColumnsType<NeedRow> {
  return [
    {
      title: t('columns.raisedOn'),
      key: 'raisedOn',
      width: 110,
      render: (_, row) => row.need.raisedOn ?? '',
      sorter: (a, b) => compareText(a.need.raisedOn, b.need.raisedOn),
    },
    {
      title: t('columns.compound'),
      key: 'compound',
      width: 180,
      render: (_, row) => (row.buildingName ? `${row.compoundName}（${row.buildingName}）` : row.compoundName),
      sorter: (a, b) => compareText(a.compoundName, b.compoundName),
    },
    { title: t('columns.category'), key: 'category', width: 100, render: (_, row) => row.categoryName ?? '' },
    {
      title: t('columns.description'),
      key: 'description',
      width: 320,
      render: (_, row) => (
        <Space size={4} wrap>
          {row.isNew && <NewTag />}
          <Link to={paths.need(row.id)} data-testid="need-link">
            {row.need.description}
          </Link>
        </Space>
      ),
    },
    {
      title: t('columns.urgency'),
      key: 'urgency',
      width: 90,
      render: (_, row) => <UrgencyTag urgency={row.need.urgency} />,
      sorter: (a, b) => urgencyRank(a.need) - urgencyRank(b.need),
    },
    { title: t('columns.state'), key: 'state', width: 110, render: (_, row) => <StateTag state={row.need.state} /> },
    { title: t('columns.department'), key: 'department', width: 180, render: (_, row) => row.departmentName ?? '' },
    {
      title: t('columns.dueOn'),
      key: 'dueOn',
      width: 150,
      render: (_, row) => (
        <Space size={4}>
          {row.dueOn ?? ''}
          {row.overdue && <OverdueTag />}
        </Space>
      ),
      sorter: (a, b) => compareText(a.dueOn ?? '9999', b.dueOn ?? '9999'),
    },
  ];
}
