// Texts of the conflict log's resolve actions and resolved list (namespace `conflictLog`); the
// drawer's older texts stay in the shell's `conflicts` keys.
import { useTranslation } from 'react-i18next';

const NAMESPACE = 'conflictLog';

export const locales = {
  'zh-CN': {
    intro: '以下是同步时两台设备改了同一项而未能保存的本机修改，服务器上的值已生效。请逐条选择：保留我的（用本机的值覆盖），或采用对方的（不作修改）。',
    keepMine: '保留我的',
    takeTheirs: '采用对方的',
    keepMineDone: '已保留本机的值，将同步到服务器',
    takeTheirsDone: '已采用对方的值',
    keepMineUnavailable: '该记录已在服务器删除或已不在您的数据范围内，无法保留本机的值。如需恢复记录，请联系街道管理员从回收站恢复。',
    failed: '操作未完成，冲突仍保留：{{reason}}',
    errors: {
      notFound: '这条冲突已被处理',
      docGone: '本机已没有这条记录（可能已被删除）',
      notBothChanged: '该记录已在服务器删除，无法保留本机的值',
    },
    tabs: { open: '待处理（{{count}}）', resolved: '已处理（{{count}}）' },
    resolvedEmpty: '还没有已处理的冲突',
    resolvedKeep: '已处理的记录保留 {{days}} 天（至少保留最近 {{count}} 条）。',
    choices: { keepMine: '保留了本机的值', takeTheirs: '采用了对方的值' },
    resolvedBy: '{{name}} 于 {{time}} {{choice}}',
    chosen: '当前采用',
  },
  en: {
    intro: 'Local changes that could not be saved because another device changed the same field; the server value stands. For each, keep yours (write your value over it) or take theirs (change nothing).',
    keepMine: 'Keep mine',
    takeTheirs: 'Take theirs',
    keepMineDone: 'Your values are kept and will sync to the server',
    takeTheirsDone: 'Their values are accepted',
    keepMineUnavailable: 'The record was deleted on the server or left your scope, so your values cannot be kept. A street admin can restore it from the recycle bin.',
    failed: 'Not done, the conflict stays: {{reason}}',
    errors: {
      notFound: 'This conflict was already resolved',
      docGone: 'The record is no longer on this device (it may have been deleted)',
      notBothChanged: 'The record was deleted on the server; your values cannot be kept',
    },
    tabs: { open: 'To resolve ({{count}})', resolved: 'Resolved ({{count}})' },
    resolvedEmpty: 'No resolved conflicts yet',
    resolvedKeep: 'Resolved conflicts are kept for {{days}} days (at least the latest {{count}}).',
    choices: { keepMine: 'kept this device’s values', takeTheirs: 'took the other values' },
    resolvedBy: '{{name}} {{choice}} at {{time}}',
    chosen: 'Chosen',
  },
};

export function useConflictText() {
  const { i18n } = useTranslation();
  for (const [language, resources] of Object.entries(locales)) {
    if (!i18n.hasResourceBundle(language, NAMESPACE)) i18n.addResourceBundle(language, NAMESPACE, resources);
  }
  return useTranslation(NAMESPACE).t;
}
