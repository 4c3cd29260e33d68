// Chinese texts for problems the domain finds, shared by the server's error messages and the
// renderer's locale files (which add English beside them).
import type { IdNumberProblem } from './identity';

export const idNumberMessages: Record<IdNumberProblem, string> = {
  length: '身份证号应为18位',
  format: '身份证号前17位应为数字，最后一位为数字或X',
  region: '身份证号前6位不是有效的地区代码',
  birthDate: '身份证号中的出生日期无效',
  checkDigit: '身份证号校验位不正确，请核对',
};

export const fieldMessages = {
  mobile: '手机号应为以1开头的11位数字（第二位为3至9）',
  genderMismatch: '性别与身份证号不一致',
  birthDateMismatch: '出生日期与身份证号不一致',
  propertyCompanyWithoutManagement: '无物业小区不应填写物业公司',
  invalidDate: '日期无效',
} as const;

/** The needs-list states (问题清单) as people name them. */
export const needStateNames = {
  submitted: '已登记',
  listed: '已列入清单',
  claimed: '已认领',
  coordinating: '协调中',
  resolved: '已办结',
  closed: '已确认关闭',
  returned: '已退回',
} as const;

/** The actions of the needs-list state machine (`@domain/needFlow`). */
export const needActionNames = {
  record: '登记',
  list: '列入清单',
  claim: '认领',
  coordinate: '协调',
  resolve: '办结',
  confirm: '确认办结',
  return: '退回',
  reopen: '重新办理',
} as const;

export const roleNames = {
  street_admin: '街道管理员',
  community_staff: '社区工作人员',
  department_liaison: '包抓部门联络员',
} as const;

/**
 * Why a step of the needs list is refused, with `{{from}}`, `{{to}}`, `{{action}}` and `{{role}}`
 * filled in from the names above (the renderer's locales use the same placeholders).
 */
export const needFlowMessageTemplates = {
  illegalTransition: '问题状态不能从“{{from}}”直接变为“{{to}}”',
  illegalStart: '新登记的问题状态应为“已登记”或“已列入清单”，不能是“{{to}}”',
  notFromState: '“{{from}}”的问题不能{{action}}',
  roleNotAllowed: '{{role}}不能对问题执行“{{action}}”',
  notPaired: '该问题所在小区不是本部门包抓的小区，不能{{action}}',
  otherUnit: '该问题由其他部门认领，本部门不能{{action}}',
  ownUnitOnly: '包抓部门联络员只能以本部门名义认领问题',
  unitRequired: '认领问题须选择认领的包抓部门',
  reasonRequired: '退回问题须填写退回原因（居民为何不认可办理结果）',
  noteRequired: '协调须填写协调情况：与哪些单位协调、做了什么',
  stepMissing: '问题状态变为“{{to}}”时须附上相应的办理记录',
  claimChanged: '认领部门只能通过“认领”更改，不能直接改写',
  liaisonFieldsOnly: '包抓部门联络员只能办理问题（认领、办结等），不能修改问题的登记内容',
  liaisonCannotDelete: '包抓部门联络员不能删除问题',
} as const;
