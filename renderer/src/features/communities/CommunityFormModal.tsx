import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Community } from '@domain/collections';
import { saveDoc, newId } from '../../db/write';
import { FormModal } from '../../components/FormModal';
import { useCurrentUser } from '../../session/useSession';
import { communityFormValues, communityFromForm, PHONE_PATTERN, type CommunityFormValues } from './communityDoc';

interface CommunityFormModalProps {
  /** The community to edit; undefined to create one. */
  community: Community | undefined;
  onClose: () => void;
}

export function CommunityFormModal({ community, onClose }: CommunityFormModalProps) {
  const { t } = useTranslation('communities');
  const user = useCurrentUser();
  const [form] = Form.useForm<CommunityFormValues>();

  const save = async (values: CommunityFormValues) => {
    const base = community ?? { id: newId(), streetId: user.streetId };
    await saveDoc('communities', communityFromForm(values, base), community);
  };

  return (
    <FormModal
      open
      title={community ? t('editTitle') : t('createTitle')}
      form={form}
      initialValues={communityFormValues(community)}
      onClose={onClose}
      save={save}
      testId="community-form"
      saveTestId="community-save"
    >
      <Form.Item name="name" label={t('fields.name')} rules={[{ required: true, whitespace: true, message: t('fields.nameRequired') }]}>
        <Input maxLength={50} placeholder={t('fields.namePlaceholder')} data-testid="community-name" />
      </Form.Item>
      <Form.Item name="address" label={t('fields.address')}>
        <Input maxLength={200} data-testid="community-address" />
      </Form.Item>
      <Form.Item name="phone" label={t('fields.phone')} rules={[{ pattern: PHONE_PATTERN, message: t('fields.phoneInvalid') }]}>
        <Input maxLength={30} data-testid="community-phone" />
      </Form.Item>
    </FormModal>
  );
}
