// Adding or editing one person's allowance of the month: who (a member of the community, those
// holding posts first), for which post, how much, paid or not. Choosing a person with a post fills
// in what the allowance is for when nothing was typed there yet.
import { Form, Input, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerEntry, Member } from '@domain/collections';
import { formatYuan } from '@domain/money';
import { newId, saveDoc } from '../../db/write';
import { FormModal } from '../../components/FormModal';
import { useCurrentUser } from '../../session/useSession';
import { allowanceFromForm, ledgerProblemsError, type AllowanceValues } from './ledgerDocs';
import { secretaryBranch, type Post } from './payroll';
import { PostHolderSelect } from './PostHolderSelect';

interface AllowanceFormModalProps {
  entry: LedgerEntry | undefined;
  communityId: string;
  communityName: string;
  month: string;
  /** The community's members, those holding posts first. */
  members: readonly Member[];
  posts: ReadonlyMap<string, Post[]>;
  /** The month's allowances of the community. */
  monthEntries: readonly LedgerEntry[];
  onClose: () => void;
}

export function AllowanceFormModal({ entry: shown, communityId, communityName, month, members, posts, monthEntries, onClose }: AllowanceFormModalProps) {
  const { t } = useTranslation('funds');
  const user = useCurrentUser();
  const [form] = Form.useForm<AllowanceValues>();
  const [entry] = useState(shown);
  const postText = (post: Post) => t(`posts.${post.kind}`, { name: post.name });
  const postsOf = (memberId: string) => {
    const held = posts.get(memberId);
    return held && held.length > 0 ? held.map(postText).join('、') : undefined;
  };
  const initialValues: AllowanceValues = entry
    ? { memberId: entry.memberId, purpose: entry.purpose, amount: formatYuan(entry.amountFen).replace(/,/g, ''), paid: entry.paid === true }
    : { paid: false };

  const save = async (values: AllowanceValues) => {
    const result = allowanceFromForm(values, {
      base: entry,
      id: newId(),
      streetId: user.streetId,
      communityId,
      month,
      members,
      monthEntries,
      branchOf: (memberId) => secretaryBranch(posts.get(memberId)),
    });
    if (result.problems) {
      throw ledgerProblemsError(result.problems, (problem) => t(`problems.${problem.code}`));
    }
    await saveDoc('ledger', result.doc, entry);
  };

  const [year, monthNumber] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return (
    <FormModal
      open
      title={t(entry ? 'allowances.editTitle' : 'allowances.createTitle', { community: communityName, year, month: monthNumber })}
      form={form}
      initialValues={initialValues}
      onClose={onClose}
      save={save}
      testId="allowance-form"
      saveTestId="allowance-save"
    >
      <Form.Item name="memberId" label={t('allowances.member')} rules={[{ required: true, message: t('problems.memberRequired') }]}>
        <PostHolderSelect
          members={members}
          postsOf={postsOf}
          unknownLabel={t('unknownMember')}
          placeholder={t('allowances.memberPlaceholder')}
          testId="allowance-member"
          onChange={(memberId) => {
            const first = memberId === undefined ? undefined : posts.get(memberId)?.[0];
            if (first && !(form.getFieldValue('purpose') as string | undefined)?.trim()) {
              form.setFieldValue('purpose', t('allowances.purposeFor', { post: postText(first) }));
            }
          }}
        />
      </Form.Item>
      <Form.Item name="purpose" label={t('allowances.purpose')} rules={[{ required: true, whitespace: true, message: t('problems.purposeRequired') }]}>
        <Input maxLength={500} placeholder={t('allowances.purposePlaceholder')} data-testid="allowance-purpose" />
      </Form.Item>
      <Form.Item name="amount" label={t('allowances.amount')} rules={[{ required: true, whitespace: true, message: t('problems.amountEmpty') }]}>
        <Input suffix={t('yuan')} placeholder={t('amountPlaceholder')} data-testid="allowance-amount" />
      </Form.Item>
      <Form.Item name="paid" label={t('allowances.paid')} valuePropName="checked">
        <Switch data-testid="allowance-paid" />
      </Form.Item>
    </FormModal>
  );
}
