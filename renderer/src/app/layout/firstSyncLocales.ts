// Texts of the first sync's progress page, registered as the namespace `firstSync` (the shell's own
// texts are `common`; this folder is not a feature folder).
import { i18n } from '../../i18n';

export const locales = {
  'zh-CN': {
    title: '正在进行本机首次同步',
    received: '已接收 {{count}} 条记录',
    hint: '首次同步会把您有权查看的全部数据保存到本机，完成后即可离线使用。同步期间页面暂不显示，以免同步变慢、界面卡顿；完成后自动打开。',
    offline: '当前无法连接服务器，首次同步将在联网后继续。',
    openAnyway: '先打开页面',
    openAnywayHint: '数据尚未同步完整，页面上的数字和列表可能不全，操作也可能较慢。',
  },
  en: {
    title: 'First sync of this device',
    received: '{{count}} records received',
    hint: 'The first sync stores everything you may see on this device, so that it works offline. Pages are held back meanwhile so that the sync runs fast and the screen stays responsive; they open by themselves when it is done.',
    offline: 'The server cannot be reached now: the first sync continues when the device is back online.',
    openAnyway: 'Open the pages now',
    openAnywayHint: 'The data is not complete yet: figures and lists may be partial, and the pages may be slow.',
  },
};

export const FIRST_SYNC_NAMESPACE = 'firstSync';

for (const [language, texts] of Object.entries(locales)) {
  if (!i18n.hasResourceBundle(language, FIRST_SYNC_NAMESPACE)) i18n.addResourceBundle(language, FIRST_SYNC_NAMESPACE, texts);
}
