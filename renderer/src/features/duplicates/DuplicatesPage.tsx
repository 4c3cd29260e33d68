// 重复记录: members entered twice with the same ID number (typically on two devices while offline),
// found once both have synced, and merged into one record here. ID numbers are masked in the list.
import { Button, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { MergeCellsOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '@domain/collections';
import { MaskedText } from '../../components/MaskedText';
import { PageHeader } from '../../components/PageHeader';
import { useDocs } from '../../db/hooks';
import { byId } from '../../lib/counts';
import { useCurrentUser } from '../../session/useSession';
import { duplicateRows, type DuplicateRow } from './duplicateRows';
import { MergeModal } from './MergeModal';
import { useLastChanges } from './useLastChanges';

export function DuplicatesPage() {
  const { t } = useTranslation('duplicates');
  const user = useCurrentUser();
  const members = useDocs('members');
  const communities = useDocs('communities');
  const communityById = useMemo(() => byId(communities.docs), [communities.docs]);
  const rows = useMemo(() => duplicateRows(members.docs, user, communityById), [members.docs, user, communityById]);
  const memberIds = useMemo(() => rows.flatMap((row) => row.members.map((member) => member.id)), [rows]);
  const lastChanges = useLastChanges(memberIds);
  // The open group by ID number: once merged it is no longer a group and the dialog goes.
  const [merging, setMerging] = useState<string>();
  const mergingRow = rows.find((row) => row.idNumber === merging);
  const communityName = (id: string) => communityById.get(id)?.name ?? id;
  // Two records of one person look alike: the record number and who last changed it tell them apart.
  const recordLabel = (member: Member) => {
    const change = lastChanges[member.id];
    return t('record', {
      name: member.name,
      community: communityName(member.communityId),
      detail: change ? t('lastChange', { username: change.username, at: dayjs(change.at).format('YYYY-MM-DD HH:mm') }) : t('recordNo', { id: member.id.slice(0, 8) }),
    });
  };

  const columns: TableColumnsType<DuplicateRow> = [
    { title: t('columns.name'), key: 'name', width: 140, render: (_, row) => [...new Set(row.members.map((member) => member.name))].join(' / ') },
    { title: t('columns.idNumber'), dataIndex: 'idNumber', width: 190, render: (idNumber: string) => <MaskedText kind="idNumber" value={idNumber} /> },
    { title: t('columns.communities'), key: 'communities', width: 160, render: (_, row) => row.communityNames.join('、') },
    {
      title: t('columns.records'),
      key: 'records',
      render: (_, row) => (
        <Flex vertical gap={2}>
          {row.members.map((member) => (
            <Typography.Text key={member.id} type="secondary">
              {recordLabel(member)}
              {lastChanges[member.id] === undefined && ` · ${t('lastChangeUnknown')}`}
            </Typography.Text>
          ))}
        </Flex>
      ),
    },
    {
      title: t('columns.actions'),
      key: 'actions',
      width: 240,
      render: (_, row) =>
        row.lockedCommunityNames.length > 0 ? (
          <Typography.Text type="warning" data-testid={`duplicates-locked-${row.idNumber}`}>
            {t('lockedReason', { communities: row.lockedCommunityNames.join('、') })}
          </Typography.Text>
        ) : (
          <Button size="small" icon={<MergeCellsOutlined />} onClick={() => setMerging(row.idNumber)} data-testid={`duplicates-merge-${row.idNumber}`}>
            {t('merge')}
          </Button>
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Typography.Text type="secondary" data-testid="duplicates-total">
        {t('total', { count: rows.length })}
      </Typography.Text>
      <Table<DuplicateRow>
        rowKey="idNumber"
        columns={columns}
        dataSource={rows}
        loading={members.loading}
        pagination={false}
        size="small"
        style={{ marginTop: 8 }}
        locale={{ emptyText: t('empty') }}
        data-testid="duplicates-table"
      />
      {mergingRow && <MergeModal key={mergingRow.idNumber} row={mergingRow} lastChanges={lastChanges} recordLabel={recordLabel} onClose={() => setMerging(undefined)} />}
    </>
  );
}
