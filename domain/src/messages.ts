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
