// Texts of the record history drawer, registered as the namespace `recordHistory`.
import { useTranslation } from 'react-i18next';

const NAMESPACE = 'recordHistory';

export const locales = {
  'zh-CN': {
    button: '历史记录',
    title: '历史记录：{{name}}',
    titleNoName: '历史记录',
    offline: '查看历史记录需要连接服务器。当前处于离线状态，联网后再打开即可。',
    failed: '未能读取历史记录：{{reason}}',
    empty: '服务器上还没有这条记录的历史（可能尚未同步）。',
    actions: { created: '新建', updated: '修改', deleted: '删除', restored: '恢复' },
    by: '{{name}}（{{username}}）',
    device: '设备：{{name}}',
    noDevice: '服务器',
    field: '字段',
    from: '原值',
    to: '新值',
    noFieldChange: '没有字段变化',
    retry: '重试',
  },
  en: {
    button: 'History',
    title: 'History: {{name}}',
    titleNoName: 'History',
    offline: 'The history needs a connection to the server. You are offline; open it again once connected.',
    failed: 'Could not read the history: {{reason}}',
    empty: 'The server has no history of this record yet (it may not have synced).',
    actions: { created: 'Created', updated: 'Changed', deleted: 'Deleted', restored: 'Restored' },
    by: '{{name}} ({{username}})',
    device: 'Device: {{name}}',
    noDevice: 'Server',
    field: 'Field',
    from: 'From',
    to: 'To',
    noFieldChange: 'No field changed',
    retry: 'Retry',
  },
};

export function useRecordHistoryText() {
  const { i18n } = useTranslation();
  for (const [language, resources] of Object.entries(locales)) {
    if (!i18n.hasResourceBundle(language, NAMESPACE)) i18n.addResourceBundle(language, NAMESPACE, resources);
  }
  return useTranslation(NAMESPACE).t;
}
