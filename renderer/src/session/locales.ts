// Texts of signing in offline, the lock screen and the user menu's lock, registered as the
// namespace `session` (the shell's own texts are `common`; this folder is not a feature folder).
import { i18n } from '../i18n';

export const locales = {
  'zh-CN': {
    offline: {
      notice: '离线登录：数据将在联网后同步',
      wrongPassword: '密码错误。还可再试 {{left}} 次，连续输错 {{max}} 次后本机数据将锁定，需联网登录才能打开。',
      lockedNow: '连续 {{max}} 次密码错误，本机数据已锁定（数据仍保留在本机）。请连接街道办服务器后在线登录，才能重新打开。',
      lockedOut: '此账号在本机的离线登录已因多次密码错误锁定。请连接街道办服务器后在线登录。',
      graceOver: '距此账号上次在本机联网登录已超过 {{days}} 天，不能再离线登录。请连接街道办服务器后在线登录一次。',
      neverOnline: '无法连接服务器，且此账号从未在本机联网登录过，不能离线登录。请连接街道办服务器后登录。（{{reason}}）',
      needsOnline: '需要联网登录才能打开本机数据，但现在无法连接服务器。（{{reason}}）',
    },
    known: {
      title: '本机账号',
      hint: '选择在本机登录过的账号，或在下方填写其他账号。',
      other: '其他账号',
      lastOnline: '上次联网登录：{{date}}',
    },
    lock: {
      title: '已锁定',
      idle: '长时间未操作，已自动锁定。请输入密码解锁。',
      start: '请输入密码打开本机数据。',
      manual: '已锁定。请输入密码解锁。',
      password: '密码',
      passwordRequired: '请填写密码',
      unlock: '解锁',
      switchUser: '切换用户',
      keyring: '正在用系统钥匙串解锁…',
    },
    menu: {
      lock: '锁定',
      switchUser: '切换用户',
    },
  },
  en: {
    offline: {
      notice: 'Signed in offline: data syncs once connected',
      wrongPassword: 'Wrong password. {{left}} tries left; after {{max}} wrong passwords in a row the data on this device locks and only an online sign-in opens it.',
      lockedNow: '{{max}} wrong passwords in a row: the data on this device is locked (it stays on the device). Connect to the street office server and sign in online to open it again.',
      lockedOut: 'Offline sign-in for this account is locked on this device after too many wrong passwords. Connect to the server and sign in online.',
      graceOver: 'This account last signed in online on this device more than {{days}} days ago: offline sign-in is no longer allowed. Connect to the server and sign in online once.',
      neverOnline: 'The server cannot be reached and this account has never signed in online on this device, so it cannot sign in offline. Connect to the server and sign in. ({{reason}})',
      needsOnline: 'An online sign-in is needed to open the data on this device, but the server cannot be reached. ({{reason}})',
    },
    known: {
      title: 'Accounts on this device',
      hint: 'Pick an account that has signed in on this device, or enter another one below.',
      other: 'Another account',
      lastOnline: 'Last online sign-in: {{date}}',
    },
    lock: {
      title: 'Locked',
      idle: 'Locked after a period without input. Enter your password to unlock.',
      start: 'Enter your password to open the data on this device.',
      manual: 'Locked. Enter your password to unlock.',
      password: 'Password',
      passwordRequired: 'Enter your password',
      unlock: 'Unlock',
      switchUser: 'Switch user',
      keyring: 'Unlocking with the system keyring…',
    },
    menu: {
      lock: 'Lock',
      switchUser: 'Switch user',
    },
  },
};

export const SESSION_NAMESPACE = 'session';

for (const [language, texts] of Object.entries(locales)) {
  if (!i18n.hasResourceBundle(language, SESSION_NAMESPACE)) i18n.addResourceBundle(language, SESSION_NAMESPACE, texts);
}
