// The member form. The ID number is checked as it is typed; once valid it fills in gender and
// birth date and locks them, and the domain rules run again before saving, so the form never
// saves what the server would refuse. Full ID number and mobile are editable here. An in-service
// reported member also has a 报到 group, and their page lists the activities they joined.
import { Alert, Button, Card, Flex, Form, Space } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { Member } from '@domain/collections';
import { deepEqual } from '@domain/merge';
import { documentProblems } from '@domain/rules';
import { useDocs } from '../../db/hooks';
import { newId, removeDoc, saveDoc } from '../../db/write';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { PageHeader } from '../../components/PageHeader';
import { RecordHistoryButton } from '../../components/RecordHistory';
import { useFormSubmit } from '../../components/useFormSubmit';
import { today } from '../../lib/dates';
import { domainMessageKey, fieldErrorsOf, FieldProblemsError, withoutBlanks } from '../../lib/form';
import { paths } from '../../lib/paths';
import { useCurrentUser } from '../../session/useSession';
import { gridCovering, identityOf, isReporting, memberFormValues, memberFromForm, reportProblems, type MemberFormValues, type MemberPreset } from './memberDoc';
import { HomeFields, PartyFields, PersonFields, ReportFields } from './MemberFields';
import { MemberActivities } from './MemberActivities';
import { MemberPosts } from './MemberPosts';

interface MemberFormProps {
  member: Member | undefined;
  preset: MemberPreset;
}

export function MemberForm({ member, preset }: MemberFormProps) {
  const { t } = useTranslation('members');
  const user = useCurrentUser();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm<MemberFormValues>();
  const grids = useDocs('grids');
  const reporting = isReporting({ isPartyMember: Form.useWatch('isPartyMember', form), category: Form.useWatch('category', form) });
  // One id per new member, so saving again after a failure cannot create a second person.
  const [id] = useState(() => member?.id ?? newId());
  // The state the form starts from: a change pulled while the person edits is kept when they save.
  const [base] = useState(member);
  const [initialValues] = useState(() => {
    // Staff of a single community need not choose it.
    const onlyCommunity = user.role === 'community_staff' && user.communityIds.length === 1 ? user.communityIds[0] : undefined;
    const values = memberFormValues(member, { communityId: onlyCommunity, ...withoutBlanks(preset) });
    return { ...values, ...identityOf(values.idNumber, today()) };
  });

  // Back to where the person came from (the list, or a compound's page).
  const leave = () => void (location.key === 'default' ? navigate(paths.members) : navigate(-1));

  const save = async (values: MemberFormValues) => {
    const doc = memberFromForm(values, base ?? { id }, user);
    const problems = documentProblems('members', { ...doc, _deleted: false }, today());
    const fieldErrors = fieldErrorsOf(problems, (message) => t(`problems.${domainMessageKey(message) ?? ''}`, { defaultValue: message }));
    const reportErrors = reportProblems(values, today()).map((problem) => ({ name: problem.field, errors: [t(`report.problems.${problem.kind}`)] }));
    if (fieldErrors.length + reportErrors.length > 0) throw new FieldProblemsError([...fieldErrors, ...reportErrors]);
    await saveDoc('members', doc, base);
  };
  const { submit, saving } = useFormSubmit(form, save, leave);

  const onValuesChange = (changed: Partial<MemberFormValues>) => {
    if ('idNumber' in changed) {
      const identity = identityOf(changed.idNumber, today());
      if (identity) form.setFieldsValue(identity);
    }
    // A compound of another community, or a building of another compound, would be refused.
    if ('communityId' in changed) form.setFieldsValue({ compoundId: undefined, buildingId: undefined, gridId: undefined });
    if ('compoundId' in changed) form.setFieldsValue({ buildingId: undefined });
    // A member not yet in a grid is offered the one covering their building.
    if ('buildingId' in changed && form.getFieldValue('gridId') === undefined) {
      const gridId = gridCovering(grids.docs, form.getFieldValue('communityId') as string | undefined, changed.buildingId);
      if (gridId !== undefined) form.setFieldsValue({ gridId });
    }
  };

  return (
    <>
      <PageHeader
        title={member ? t('form.editTitle') : t('form.createTitle')}
        subtitle={member?.name}
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={leave}>
              {t('form.back')}
            </Button>
            {member && <RecordHistoryButton collection="members" id={member.id} name={member.name} />}
          </>
        }
      />
      {member && base && !deepEqual(member, base) && (
        <Alert type="info" showIcon title={t('form.changedMeanwhile')} style={{ marginBottom: 16, maxWidth: 960 }} data-testid="member-changed-meanwhile" />
      )}
      <Form<MemberFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        validateTrigger="onChange"
        onValuesChange={onValuesChange}
        data-testid="member-form"
        style={{ maxWidth: 960 }}
      >
        <Card title={t('form.sections.person')} size="small" style={{ marginBottom: 16 }}>
          <PersonFields form={form} />
        </Card>
        <Card title={t('form.sections.party')} size="small" style={{ marginBottom: 16 }}>
          <PartyFields form={form} />
        </Card>
        <Card title={t('form.sections.home')} size="small" style={{ marginBottom: 16 }}>
          <HomeFields form={form} />
        </Card>
        {reporting && (
          <Card title={t('report.section')} size="small" style={{ marginBottom: 16 }} data-testid="member-report-section">
            <ReportFields form={form} />
          </Card>
        )}
        <Flex justify="space-between">
          <Space>
            <Button type="primary" loading={saving} onClick={() => void submit()} data-testid="member-save">
              {t('save')}
            </Button>
            <Button onClick={leave}>{t('cancel')}</Button>
          </Space>
          {member && (
            <ConfirmDelete
              asButton
              title={t('deleteTitle', { name: member.name })}
              content={t('deleteContent')}
              onConfirm={() => removeDoc('members', member.id)}
              onDeleted={() => void navigate(paths.members)}
              testId="member-delete"
            />
          )}
        </Flex>
      </Form>
      {member && <MemberPosts member={member} />}
      {member && <MemberActivities member={member} />}
    </>
  );
}
