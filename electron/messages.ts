// The shell's own text (menu, dialogs, IPC errors), Simplified Chinese first. The shell follows the
// operating system's language; the renderer has its own switch.

const zhCN = {
  appTitle: '社区治理',
  menu: {
    file: '文件',
    quit: '退出',
    edit: '编辑',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    view: '视图',
    reload: '重新加载',
    toggleDevTools: '开发者工具',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    fullscreen: '全屏',
    help: '帮助',
    about: '关于社区治理',
  },
  saveDialogTitle: '保存文件',
  errors: {
    untrustedSender: '请求来源不可信，已拒绝。',
    badArgument: '请求参数无效。',
    badFileName: '文件名无效。',
    fileTooLarge: '文件过大，无法保存。',
    saveFailed: '文件未能保存，请检查磁盘空间和写入权限后重试。',
    unexpected: '桌面程序出现意外错误，请重试。',
    keyringUnavailable: '本机没有可用的系统密钥环，本地数据只能用密码解锁。',
    keyringFailed: '系统密钥环未能处理本地数据的密钥，请用密码解锁。',
  },
};

export type ShellMessages = typeof zhCN;

const en: ShellMessages = {
  appTitle: 'Community Governance',
  menu: {
    file: 'File',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    view: 'View',
    reload: 'Reload',
    toggleDevTools: 'Developer tools',
    resetZoom: 'Actual size',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fullscreen: 'Full screen',
    help: 'Help',
    about: 'About Community Governance',
  },
  saveDialogTitle: 'Save file',
  errors: {
    untrustedSender: 'The request came from an untrusted page and was refused.',
    badArgument: 'The request was malformed.',
    badFileName: 'The file name is not valid.',
    fileTooLarge: 'The file is too large to save.',
    saveFailed: 'The file could not be saved. Check free disk space and write permission, then try again.',
    unexpected: 'The desktop app hit an unexpected error. Please try again.',
    keyringUnavailable: 'No system keyring is available on this computer; local data can be unlocked with the password only.',
    keyringFailed: 'The system keyring could not handle the local data key; unlock with the password.',
  },
};

/** Chinese unless the system language is English (`en`, `en-US`, …). */
export function messagesFor(locale: string): ShellMessages {
  return /^en\b/i.test(locale) ? en : zhCN;
}
