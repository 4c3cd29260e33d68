// One step of a need's way through the list: asks what the step requires (the claiming
// department, what was coordinated, a reason), then applies it through the state machine, so
// what the server would refuse is refused here first, with the reason.
import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import type { Need, Unit } from '@domain/collections';
import { applyAction, type NeedAction, type NeedActor } from '@domain/needFlow';
import { saveDoc } from '../../db/write';
import { sortByName } from '../../lib/collate';
import { ownUnitName, stepContext } from '../../lib/needActor';
import { useCurrentUser } from '../../session/useSession';
import { claimingCandidates, coordinationCandidates } from './needLookups';
import { useDeviceId } from './useNeedLookups';
import { useNeedTexts } from './useNeedTexts';

// Spreads, because hyphenated attributes are not among the props' declared keys.
const okTestId = { 'data-testid': 'need-action-ok' };

interface ActionValues {
  unitId?: string;
  note?: string;
}

interface NeedActionModalProps {
  need: Need;
  action: NeedAction;
  actor: NeedActor;
  units: readonly Unit[];
  onClose: () => void;
}

export function NeedActionModal({ need, action, actor, units, onClose }: NeedActionModalProps) {
  const { t, actionName, problemText } = useNeedTexts();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const deviceId = useDeviceId();
  const [form] = Form.useForm<ActionValues>();
  const [refusal, setRefusal] = useState<string>();
  const [saving, setSaving] = useState(false);
  const liaison = user.role === 'department_liaison';

  const unitChoices = action === 'claim' && !liaison ? claimingCandidates(units, need.compoundId) : action === 'coordinate' ? coordinationCandidates(units) : [];
  const unitOptions = sortByName(unitChoices).map((unit) => ({ value: unit.id, label: unit.name }));
  const noteLabel = action === 'coordinate' ? t('action.coordinateNote') : action === 'resolve' ? t('action.resolveNote') : action === 'return' ? t('action.returnNote') : t('action.note');
  const noteRequired = action === 'coordinate' ? t('action.coordinateNoteRequired') : action === 'return' ? t('action.returnNoteRequired') : undefined;

  const submit = async () => {
    let values: ActionValues;
    try {
      values = await form.validateFields();
    } catch {
      return; // each problem shows under its field
    }
    const unitId = action === 'claim' && liaison ? user.unitId : values.unitId;
    // A liaison's steps carry its own department (the state machine fills it in); it holds no units.
    const unitName = liaison ? ownUnitName(user) : units.find((unit) => unit.id === unitId)?.name;
    // The step is checked against the need as it is now (a step pulled while the dialog was open
    // counts), and written over exactly that state.
    const result = applyAction(need, action, actor, stepContext(user, deviceId, { note: values.note, unitId, unitName }));
    if (!result.ok) {
      setRefusal(problemText(result.problem));
      return;
    }
    setSaving(true);
    try {
      await saveDoc('needs', result.need, need);
      void message.success(t('action.done', { action: actionName(action) }));
      onClose();
    } catch (error) {
      setRefusal(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('action.title', { action: actionName(action) })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('action.ok')}
      cancelText={t('action.cancel')}
      okButtonProps={{ loading: saving, ...okTestId }}
      maskClosable={false}
      destroyOnHidden
    >
      <div data-testid="need-action-modal">
        {refusal !== undefined && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} data-testid="need-action-problem" />}
        {action === 'claim' && liaison && (
          <Typography.Paragraph>{ownUnitName(user) ? t('action.ownUnit', { name: ownUnitName(user) }) : t('action.ownUnitUnknown')}</Typography.Paragraph>
        )}
        <Form form={form} layout="vertical" preserve={false}>
          {action === 'claim' && !liaison && (
            <Form.Item name="unitId" label={t('action.claimUnit')} rules={[{ required: true, message: t('action.claimUnitRequired') }]}>
              <Select options={unitOptions} showSearch={{ optionFilterProp: 'label' }} data-testid="need-action-unit" />
            </Form.Item>
          )}
          {action === 'coordinate' && (
            <Form.Item name="unitId" label={t('action.coordinateUnit')}>
              <Select options={unitOptions} allowClear placeholder={t('action.coordinateUnitPlaceholder')} showSearch={{ optionFilterProp: 'label' }} data-testid="need-action-unit" />
            </Form.Item>
          )}
          {action !== 'claim' && (
            <Form.Item
              name="note"
              label={noteLabel}
              rules={[...(noteRequired ? [{ required: true, whitespace: true, message: noteRequired }] : []), { max: 2000, message: t('action.noteTooLong') }]}
            >
              <Input.TextArea rows={3} maxLength={2000} data-testid="need-action-note" />
            </Form.Item>
          )}
        </Form>
      </div>
    </Modal>
  );
}
