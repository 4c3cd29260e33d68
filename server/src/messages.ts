// Every Chinese text the server sends or prints, in one place (style.md: no inline user text).

export const errorMessages = {
  badRequest: '请求格式不正确，请检查后重试',
  badJson: '请求内容不是有效的 JSON',
  badContentType: '请求内容类型不受支持，请以 JSON（application/json）发送',
  tooLarge: '请求内容过大，请分批提交',
  tooManyRows: (max: number) => `一次最多推送 ${max} 条记录，请分批提交`,
  notFound: '请求的地址不存在',
  docNotFound: '未找到该记录，或您无权查看',
  userNotFound: '未找到该账号',
  deviceNotFound: '未找到该设备',
  unknownCollection: (name: string) => `未知的数据集合“${name}”`,
  internal: '服务器内部错误，请稍后重试；如持续出现，请联系街道管理员',
  invalidCredentials: '用户名或密码错误',
  accountDisabled: '该账号已停用，请联系街道管理员',
  rateLimited: '登录失败次数过多，请15分钟后再试',
  unauthorized: '登录已失效，请重新登录（本机数据会保留）',
  deviceRevoked: '此设备已被街道管理员停用，本机数据将被清除；如有疑问请联系街道管理员',
  missingVersion: '请求缺少客户端版本（X-Client-Version），请使用正式发布的客户端',
  badVersion: '客户端版本号格式不正确（应为 主版本.次版本.修订号）',
  clientOutdated: (min: string) => `客户端版本过旧，请升级到 ${min} 或更高版本后再同步`,
  forbidden: '您的角色无权执行此操作',
  adminOnly: '只有街道管理员可以执行此操作',
  outOfScope: '该记录不在您的管辖范围内',
  invalidDocument: '提交的记录未通过校验，请按提示修改后重试',
  invalidCheckpoint: '同步检查点无效，请重新同步',
  invalidLimit: (max: number) => `limit 应为 1 到 ${max} 之间的整数`,
  usernameTaken: '该用户名已被使用，请换一个',
  cannotDisableSelf: '不能停用自己的账号',
  disclosureAdminOnly: '只有街道管理员可以导出完整的身份证号和手机号；其他人导出的文件中这些信息会被部分隐藏',
} as const;

/** Problems with one field of a request or a pushed document. */
export const fieldErrors = {
  required: (field: string) => `缺少必填字段 ${field}`,
  type: (field: string, type: string) => `字段 ${field} 应为${typeNames[type] ?? type}`,
  notAllowed: (field: string) => `不允许的字段 ${field}`,
  oneOf: (field: string, values: readonly unknown[]) => `字段 ${field} 的取值无效，可选值：${values.map(String).join('、')}`,
  maxLength: (field: string, n: number) => `字段 ${field} 最多 ${n} 个字符`,
  minLength: (field: string, n: number) => `字段 ${field} 至少 ${n} 个字符`,
  minimum: (field: string, n: number) => `字段 ${field} 不能小于 ${n}`,
  maximum: (field: string, n: number) => `字段 ${field} 不能大于 ${n}`,
  date: (field: string) => `字段 ${field} 应为日期，格式 YYYY-MM-DD`,
  month: (field: string) => `字段 ${field} 应为月份，格式 YYYY-MM`,
  pattern: (field: string) => `字段 ${field} 的格式不正确`,
  uniqueItems: (field: string) => `字段 ${field} 中有重复的项`,
  maxItems: (field: string, n: number) => `字段 ${field} 最多 ${n} 项`,
  invalid: (field: string) => `字段 ${field} 的值无效`,
  nulChar: '文本中含有不允许的控制字符（\\u0000）',
  duplicateId: (firstRow: number) => `同一次推送中 id 重复（与第 ${firstRow + 1} 条相同）`,
  notAnObject: '每一行应为 { assumedMasterState?, newDocumentState } 对象',
  stateNotAnObject: 'newDocumentState 应为对象',
  assumedNotAnObject: 'assumedMasterState 应为对象或 null',
  bodyNotArray: '请求体应为数组',
  refMissing: (field: string, target: string) => `字段 ${field} 引用的${collectionNames[target] ?? target}不存在或已删除`,
  refOtherCommunity: (field: string, target: string) => `字段 ${field} 引用的${collectionNames[target] ?? target}属于其他社区`,
  refMismatch: (field: string, other: string) => `字段 ${field} 引用的记录与字段 ${other} 不一致`,
  communityMissing: '字段 communityId 指向的社区不存在或已删除',
  text: (field: string, min: number, max: number) => `${field} 应为 ${min}–${max} 个字符的文本`,
  username: '用户名应为 3–32 位字母、数字或 _ . -',
  password: '密码至少 8 个字符',
  role: '角色无效，可选：street_admin、community_staff、department_liaison',
  communityIds: 'communityIds 应为社区 id 的数组',
  staffNeedsCommunity: '社区工作人员至少需要一个本街道已有的社区',
  communityUnknown: (id: string) => `社区 ${id} 不存在或不属于本街道`,
  listName: (max: number) => `listName（导出的列表名称）应为 1–${max} 个字符的文本`,
  rowCount: 'rowCount（导出的行数）应为不小于 0 的整数',
  reason: (min: number, max: number) => `reason（导出完整信息的理由）应为 ${min}–${max} 个字符的文本，请写明用途`,
  liaisonNeedsUnit: '包抓部门联络员需要 unitId，指向本街道已有的包抓部门（kind 为 department 的单位）',
} as const;

const typeNames: Record<string, string> = {
  string: '文本',
  integer: '整数',
  number: '数字',
  boolean: '布尔值（true 或 false）',
  array: '数组',
  object: '对象',
  null: '空值',
};

const collectionNames: Record<string, string> = {
  communities: '社区',
  compounds: '小区',
  buildings: '楼栋',
  grids: '网格',
  units: '单位',
  members: '成员',
  orgs: '党组织',
};

/** The street created on first start when STREET_NAME is not set and no demo data is loaded. */
export const defaultStreetName = '示例街道';

export const accountNames = {
  firstAdmin: '街道管理员',
} as const;

export const consoleMessages = {
  listening: (url: string) => `街道同步服务已启动：${url}`,
  demoLoaded: '已载入演示数据。',
  demoAccounts: '演示账号（用户名 / 密码 / 角色 / 社区）：',
  roles: { street_admin: '街道管理员', community_staff: '社区工作人员', department_liaison: '包抓部门联络员' },
  stopping: '正在停止服务……',
  stopped: '服务已停止。',
  failed: '服务启动失败：',
} as const;

export const pages = {
  noWebApp: '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>社区治理</title><body style="font-family:sans-serif;padding:2em"><h1>社区治理 · 街道同步服务</h1><p>服务器正在运行，但还没有构建网页版应用。请在项目目录运行 <code>npm run build:renderer</code>，然后刷新本页。</p></body></html>',
} as const;
