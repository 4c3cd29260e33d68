// Merging one group of duplicates: which record stays, the records' values side by side with a
// choice where they differ, what goes into the note, and a confirm. Nothing is written until the
// person confirms, and then everything in one go (applyMerge.ts).
import { Alert, App, Button, Flex, Modal, Radio, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '@domain/collections';
import { applyMerge, MEMBER_NOTE_MAX, proposeMerge, type FieldProposal, type MergeChoices, type MergeField } from '@domain/duplicates';
import { useDocs } from '../../db/hooks';
import { byId } from '../../lib/counts';
import { today } from '../../lib/dates';
import { useCurrentUser } from '../../session/useSession';
import { applyMergeWrites, MergeWriteError } from './applyMerge';
import { describeValue, forbiddenWrites, type DuplicateRow, type NameSources, type ValueTexts } from './duplicateRows';
import type { LastChanges } from './useLastChanges';

interface MergeModalProps {
  row: DuplicateRow;
  lastChanges: LastChanges;
  /** Name, community and who last changed it: what tells two records of one person apart. */
  recordLabel: (member: Member) => string;
  onClose: () => void;
}

/** The record changed most recently (when known) is kept by default. */
function defaultKept(members: readonly Member[], lastChanges: LastChanges): string {
  const sorted = [...members].sort((a, b) => (lastChanges[b.id]?.at ?? '').localeCompare(lastChanges[a.id]?.at ?? ''));
  return sorted[0]?.id ?? '';
}

export function MergeModal({ row, lastChanges, recordLabel, onClose }: MergeModalProps) {
  const { t } = useTranslation('duplicates');
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [keptId, setKeptId] = useState(() => defaultKept(row.members, lastChanges));
  const [choices, setChoices] = useState<MergeChoices>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string>();
  const docs = {
    buildings: useDocs('buildings').docs,
    grids: useDocs('grids').docs,
    orgs: useDocs('orgs').docs,
    ledger: useDocs('ledger').docs,
    activities: useDocs('activities').docs,
    compounds: useDocs('compounds').docs,
    units: useDocs('units').docs,
  };
  const names: NameSources = useMemo(
    () => ({ compounds: byId(docs.compounds), buildings: byId(docs.buildings), grids: byId(docs.grids), units: byId(docs.units) }),
    [docs.compounds, docs.buildings, docs.grids, docs.units],
  );
  const texts: ValueTexts = {
    empty: t('dialog.none'),
    partyYes: t('values.partyYes'),
    partyNo: t('values.partyNo'),
    genders: { male: t('genders.male'), female: t('genders.female') },
    categories: {
      pairedDepartment: t('categories.pairedDepartment'),
      communityManaged: t('categories.communityManaged'),
      propertyCompany: t('categories.propertyCompany'),
      retired: t('categories.retired'),
      inServiceReported: t('categories.inServiceReported'),
    },
    unitNo: (unitNo) => t('values.unitNo', { unitNo }),
    grid: (name) => t('values.grid', { name }),
    reportDate: (date) => t('values.reportDate', { date }),
    skills: (list) => t('values.skills', { list }),
    services: (list) => t('values.services', { list }),
    listSeparator: t('values.listSeparator'),
    partSeparator: t('values.partSeparator'),
  };

  const changedAt = Object.fromEntries(row.members.map((member) => [member.id, lastChanges[member.id]?.at]));
  const proposal = proposeMerge(row.members, keptId, changedAt);
  const result = applyMerge(proposal, choices, docs, { today: today(), describe: (field, value) => describeValue(field, value, names) });
  const forbidden = result.ok ? forbiddenWrites(result.writes, row.members, user) : [];
  const referenceCount = result.ok
    ? result.writes.buildings.length + result.writes.grids.length + result.writes.orgs.length + result.writes.ledger.length + result.writes.activities.length
    : 0;

  const keep = (id: string) => {
    setKeptId(id);
    setChoices({});
  };

  const confirm = async () => {
    if (!result.ok || forbidden.length > 0) return;
    setSaving(true);
    setFailure(undefined);
    try {
      await applyMergeWrites(result.writes);
      void message.success(t('dialog.merged'));
      onClose();
    } catch (error) {
      const collection = error instanceof MergeWriteError ? t(`collections.${error.collection}`) : '';
      setFailure(t('dialog.failed', { collection, message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setSaving(false);
    }
  };

  const columns: TableColumnsType<FieldProposal> = [
    { title: t('dialog.field'), key: 'field', width: 110, render: (_, field) => t(`fields.${field.field}`) },
    ...row.members.map(
      (member): TableColumnsType<FieldProposal>[number] => ({
        title: recordLabel(member),
        key: member.id,
        render: (_, field) => (
          <ValueCell field={field} memberId={member.id} chosen={choices[field.field] ?? field.defaultChoice} texts={texts} names={names} onChoose={(index) => setChoices({ ...choices, [field.field]: index })} />
        ),
      }),
    ),
  ];

  return (
    <Modal
      open
      width={Math.min(1100, 360 + 300 * row.members.length)}
      title={t('dialog.title', { name: row.members[0]?.name ?? '' })}
      onCancel={onClose}
      maskClosable={false}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('dialog.cancel')}
        </Button>,
        <Button key="ok" type="primary" loading={saving} disabled={!result.ok || forbidden.length > 0} onClick={() => void confirm()} data-testid="duplicates-merge-confirm">
          {t('dialog.confirm')}
        </Button>,
      ]}
    >
      <Flex vertical gap={12}>
        <div>
          <Typography.Text strong>{t('dialog.keep')}</Typography.Text>
          <Radio.Group value={keptId} onChange={(event) => keep(String(event.target.value))} style={{ display: 'block', marginTop: 4 }} data-testid="duplicates-keep">
            {row.members.map((member) => (
              <Radio key={member.id} value={member.id} data-testid={`duplicates-keep-${member.id}`}>
                {recordLabel(member)}
              </Radio>
            ))}
          </Radio.Group>
          <Typography.Text type="secondary">{t('dialog.keepHint')}</Typography.Text>
        </div>
        <Table<FieldProposal> rowKey="field" size="small" pagination={false} columns={columns} dataSource={proposal.fields} data-testid="duplicates-fields" />
        {proposal.fields
          .filter((field) => field.setAside.length > 0)
          .map((field) => (
            <Alert key={field.field} type="info" showIcon title={t('dialog.setAside', { values: field.setAside.map((o) => describeValue(field.field, o.value, names, texts)).join(t('values.listSeparator')) })} />
          ))}
        {referenceCount > 0 && <Typography.Text>{t('dialog.references', { count: referenceCount })}</Typography.Text>}
        <div>
          <Typography.Text strong>{t('dialog.noteTitle')}</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="duplicates-note">
            {result.note}
          </Typography.Paragraph>
        </div>
        {!result.ok && <Alert type="error" showIcon title={t('dialog.noteTooLong', { length: result.length, max: MEMBER_NOTE_MAX })} data-testid="duplicates-note-too-long" />}
        {forbidden.length > 0 && <Alert type="error" showIcon title={t('dialog.forbidden', { docs: forbidden.join('、') })} />}
        {failure !== undefined && <Alert type="error" showIcon title={failure} data-testid="duplicates-merge-failed" />}
      </Flex>
    </Modal>
  );
}

interface ValueCellProps {
  field: FieldProposal;
  memberId: string;
  chosen: number;
  texts: ValueTexts;
  names: NameSources;
  onChoose: (index: number) => void;
}

function ValueCell({ field, memberId, chosen, texts, names, onChoose }: ValueCellProps) {
  const { t } = useTranslation('duplicates');
  const index = field.options.findIndex((option) => option.memberIds.includes(memberId));
  const describe = (name: MergeField, value: unknown) => describeValue(name, value, names, texts);
  if (index < 0) {
    const aside = field.setAside.find((option) => option.memberIds.includes(memberId));
    return <Typography.Text type="secondary">{aside ? describe(field.field, aside.value) : t('dialog.none')}</Typography.Text>;
  }
  const option = field.options[index];
  const text = describe(field.field, option?.value);
  if (field.options.length < 2) return <Typography.Text>{text}</Typography.Text>;
  return (
    <Radio checked={chosen === index} onChange={() => onChoose(index)} data-testid={`duplicates-choose-${field.field}-${memberId}`}>
      {text}
    </Radio>
  );
}
