// The member form's groups of fields. Selects cascade: community → compound of that community →
// building of that compound; the grid is one of the community's. An in-service Party member who
// reports to the community (报到) gets a group of their own: date, work unit, skills and services
// offered, and the grid they are placed in (which the home group shows for everyone else).
import { Col, DatePicker, Form, Input, Radio, Row, Select, Switch, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isValidMobile, idNumberProblem } from '@domain/identity';
import { genders, memberCategories } from '@domain/schema/members';
import { useDocs } from '../../db/hooks';
import { CommunitySelect } from '../../components/CommunitySelect';
import { sortByName } from '../../lib/collate';
import { today } from '../../lib/dates';
import { writableCommunities } from '../../lib/permissions';
import { useCurrentUser } from '../../session/useSession';
import { identityOf, isReporting, normaliseIdNumber, normaliseMobile, REPORT_TAG_MAX, type MemberFormValues } from './memberDoc';

type MemberFormInstance = FormInstance<MemberFormValues>;

const DATE_FORMAT = 'YYYY-MM-DD';
// Stored as YYYY-MM-DD text; the date picker works with dayjs values.
const dateValueProps = (value: unknown) => ({ value: typeof value === 'string' && value !== '' ? dayjs(value, DATE_FORMAT) : undefined });
const dateFromPicker = (value: Dayjs | null | undefined) => (value ? value.format(DATE_FORMAT) : undefined);

export function PersonFields({ form }: { form: MemberFormInstance }) {
  const { t } = useTranslation('members');
  const idNumber = Form.useWatch('idNumber', form);
  const locked = identityOf(idNumber, today()) !== null;
  const lockedHint = locked ? t('form.identityLocked') : undefined;
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item name="name" label={t('form.name')} rules={[{ required: true, whitespace: true, message: t('form.nameRequired') }]}>
          <Input maxLength={50} data-testid="member-name" />
        </Form.Item>
      </Col>
      <Col xs={24} md={16}>
        <Form.Item
          name="idNumber"
          label={t('form.idNumber')}
          extra={t('form.idNumberHint')}
          normalize={(value: string | undefined) => normaliseIdNumber(value)}
          rules={[
            {
              validator: (_, value: string | undefined) => {
                const problem = value ? idNumberProblem(value, today()) : null;
                return problem ? Promise.reject(new Error(t(`problems.idNumber.${problem}`))) : Promise.resolve();
              },
            },
          ]}
        >
          <Input maxLength={18} autoComplete="off" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="member-idnumber" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="gender" label={t('form.gender')} extra={lockedHint}>
          <Radio.Group disabled={locked} data-testid="member-gender" options={genders.map((gender) => ({ value: gender, label: t(`genders.${gender}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="birthDate" label={t('form.birthDate')} extra={lockedHint} getValueProps={dateValueProps} normalize={dateFromPicker}>
          <DatePicker
            disabled={locked}
            placeholder={t('form.birthDatePlaceholder')}
            disabledDate={(date) => date.isAfter(dayjs(), 'day')}
            style={{ width: '100%' }}
            data-testid="member-birthdate"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name="mobile"
          label={t('form.mobile')}
          normalize={(value: string | undefined) => normaliseMobile(value)}
          rules={[{ validator: (_, value: string | undefined) => (!value || isValidMobile(value) ? Promise.resolve() : Promise.reject(new Error(t('problems.mobile')))) }]}
        >
          <Input maxLength={11} inputMode="numeric" autoComplete="off" data-testid="member-mobile" />
        </Form.Item>
      </Col>
    </Row>
  );
}

export function PartyFields({ form }: { form: MemberFormInstance }) {
  const { t } = useTranslation('members');
  const isPartyMember = Form.useWatch('isPartyMember', form);
  const category = Form.useWatch('category', form);
  const reporting = isReporting({ isPartyMember, category });
  return (
    <Row gutter={16}>
      <Col xs={24} md={6}>
        <Form.Item name="isPartyMember" label={t('form.isPartyMember')} valuePropName="checked">
          <Switch checkedChildren={t('yes')} unCheckedChildren={t('no')} data-testid="member-party" />
        </Form.Item>
      </Col>
      {isPartyMember === true && (
        <Col xs={24} md={8}>
          <Form.Item name="category" label={t('form.category')}>
            <Select
              allowClear
              placeholder={t('form.categoryPlaceholder')}
              options={memberCategories.map((category) => ({ value: category, label: t(`categories.${category}`) }))}
              data-testid="member-category"
            />
          </Form.Item>
        </Col>
      )}
      {!reporting && (
        <Col xs={24} md={10}>
          <WorkUnitField />
        </Col>
      )}
    </Row>
  );
}

function WorkUnitField() {
  const { t } = useTranslation('members');
  return (
    <Form.Item name="workUnit" label={t('form.workUnit')}>
      <Input maxLength={100} data-testid="member-workunit" />
    </Form.Item>
  );
}

/** The community's grids; one deleted meanwhile is refused here, not by the server later. */
function GridField({ form }: { form: MemberFormInstance }) {
  const { t } = useTranslation('members');
  const communityId = Form.useWatch('communityId', form);
  const grids = useDocs('grids', { selector: { communityId: communityId ?? '' } });
  const options = sortByName(grids.docs).map((grid) => ({ value: grid.id, label: grid.code ? `${grid.name}（${grid.code}）` : grid.name }));
  return (
    <Form.Item
      name="gridId"
      label={t('form.grid')}
      rules={[
        {
          validator: (_, value: string | undefined) =>
            value === undefined || grids.loading || grids.docs.some((grid) => grid.id === value) ? Promise.resolve() : Promise.reject(new Error(t('form.gridGone'))),
        },
      ]}
    >
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        disabled={!communityId}
        placeholder={communityId ? t('form.gridPlaceholder') : t('form.compoundFirst')}
        options={options}
        loading={grids.loading}
        data-testid="member-grid"
      />
    </Form.Item>
  );
}

const tagRule = (message: string) => ({
  validator: (_: unknown, tags: string[] | undefined) =>
    (tags ?? []).some((tag) => tag.trim().length > REPORT_TAG_MAX) ? Promise.reject(new Error(message)) : Promise.resolve(),
});

/** 报到: shown while the member is an in-service reported Party member. */
export function ReportFields({ form }: { form: MemberFormInstance }) {
  const { t } = useTranslation('members');
  const suggestions = (list: readonly string[]) => list.map((value) => ({ value, label: value }));
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item
          name="reportDate"
          label={t('report.date')}
          getValueProps={dateValueProps}
          normalize={dateFromPicker}
          rules={[{ required: true, message: t('report.dateRequired') }]}
        >
          <DatePicker placeholder={t('form.birthDatePlaceholder')} disabledDate={(date) => date.isAfter(dayjs(), 'day')} style={{ width: '100%' }} data-testid="member-report-date" />
        </Form.Item>
      </Col>
      <Col xs={24} md={16}>
        <WorkUnitField />
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="reportSkills" label={t('report.skills')} extra={t('report.tagsHint')} rules={[tagRule(t('report.tagTooLong'))]}>
          <Select mode="tags" tokenSeparators={[',', '，', '、']} options={suggestions(t('report.skillSuggestions').split('、'))} data-testid="member-report-skills" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="reportServices" label={t('report.services')} extra={t('report.tagsHint')} rules={[tagRule(t('report.tagTooLong'))]}>
          <Select mode="tags" tokenSeparators={[',', '，', '、']} options={suggestions(t('report.serviceSuggestions').split('、'))} data-testid="member-report-services" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <GridField form={form} />
      </Col>
    </Row>
  );
}

export function HomeFields({ form }: { form: MemberFormInstance }) {
  const { t } = useTranslation('members');
  const user = useCurrentUser();
  const communityId = Form.useWatch('communityId', form);
  const compoundId = Form.useWatch('compoundId', form);
  const reporting = isReporting({ isPartyMember: Form.useWatch('isPartyMember', form), category: Form.useWatch('category', form) });
  const communities = useDocs('communities');
  const compounds = useDocs('compounds', { selector: { communityId: communityId ?? '' } });
  const buildings = useDocs('buildings', { selector: { compoundId: compoundId ?? '' } });
  const options = (docs: readonly { id: string; name: string }[]) => sortByName(docs).map((doc) => ({ value: doc.id, label: doc.name }));
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item name="communityId" label={t('form.community')} rules={[{ required: true, message: t('form.communityRequired') }]}>
          <CommunitySelect communities={writableCommunities(user, communities.docs)} testId="member-community" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="compoundId" label={t('form.compound')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            disabled={!communityId}
            placeholder={communityId ? t('form.compoundPlaceholder') : t('form.compoundFirst')}
            options={options(compounds.docs)}
            loading={compounds.loading}
            data-testid="member-compound"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="buildingId" label={t('form.building')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            disabled={!compoundId}
            placeholder={compoundId ? t('form.buildingPlaceholder') : t('form.buildingFirst')}
            options={options(buildings.docs)}
            loading={buildings.loading}
            data-testid="member-building"
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={4}>
        <Form.Item name="unitNo" label={t('form.unitNo')}>
          <Input maxLength={20} placeholder={t('form.unitNoPlaceholder')} data-testid="member-unitno" />
        </Form.Item>
      </Col>
      <Col xs={12} md={4}>
        <Form.Item name="room" label={t('form.room')}>
          <Input maxLength={20} placeholder={t('form.roomPlaceholder')} data-testid="member-room" />
        </Form.Item>
      </Col>
      {!reporting && (
        <Col xs={24} md={8}>
          <GridField form={form} />
        </Col>
      )}
      <Col xs={24} md={reporting ? 16 : 8}>
        <Form.Item name="note" label={t('form.note')}>
          <Input maxLength={500} data-testid="member-note" />
        </Form.Item>
      </Col>
    </Row>
  );
}
