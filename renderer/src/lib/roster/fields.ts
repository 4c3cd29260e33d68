// The columns of a roster (花名册) per kind: the template's header, the variants offices use for it,
// and an example value. Headers are matched loosely (spaces, `*`, notes in brackets ignored).

export const rosterKinds = ['members', 'compounds', 'buildings'] as const;
export type RosterKind = (typeof rosterKinds)[number];

export interface RosterField {
  key: string;
  /** The template's header first, then the variants recognised. */
  headers: readonly string[];
  required?: boolean;
  example: string;
  maxLength?: number;
  /** Read from the app's own list exports, never written into the template. */
  exportOnly?: true;
}

export const rosterFields: Record<RosterKind, readonly RosterField[]> = {
  members: [
    { key: 'name', headers: ['姓名', '名字', '成员姓名', '党员姓名'], required: true, example: '张三', maxLength: 50 },
    { key: 'idNumber', headers: ['身份证号', '公民身份号码', '身份证号码', '身份证', '证件号码'], example: '11010519491231002X' },
    { key: 'mobile', headers: ['手机号', '手机', '手机号码', '联系电话', '电话', '联系方式'], example: '13812345678' },
    { key: 'gender', headers: ['性别'], example: '女' },
    { key: 'birthDate', headers: ['出生日期', '出生年月', '生日'], example: '1949-12-31' },
    { key: 'isPartyMember', headers: ['是否党员', '党员', '政治面貌', '中共党员'], example: '是' },
    { key: 'category', headers: ['类别', '党员类别', '人员类别', '成员类别'], example: '离退休党员' },
    { key: 'workUnit', headers: ['工作单位', '单位', '工作单位及职务'], example: '市民政局', maxLength: 100 },
    { key: 'community', headers: ['社区', '所属社区', '社区名称'], example: '' },
    { key: 'compound', headers: ['小区', '所在小区', '居住小区', '小区名称'], example: '' },
    { key: 'building', headers: ['楼栋', '楼号', '楼栋号', '栋号'], example: '' },
    { key: 'unitNo', headers: ['单元', '单元号'], example: '2', maxLength: 20 },
    { key: 'room', headers: ['房号', '门牌号', '房间号', '室号'], example: '301', maxLength: 20 },
    { key: 'grid', headers: ['网格', '所属网格', '网格名称'], example: '' },
    { key: 'note', headers: ['备注'], example: '', maxLength: 500 },
    // The members list's one address column, "幸福里小区 3号楼 2单元 301".
    { key: 'address', headers: ['小区/楼栋/单元/房号'], example: '', exportOnly: true },
  ],
  compounds: [
    { key: 'name', headers: ['小区名称', '小区', '名称'], required: true, example: '幸福里小区', maxLength: 100 },
    { key: 'community', headers: ['社区', '所属社区', '社区名称'], example: '' },
    { key: 'address', headers: ['地址', '小区地址', '详细地址'], example: '朔方路12号', maxLength: 200 },
    { key: 'propertyManaged', headers: ['是否有物业', '有无物业', '物业管理', '物业'], example: '是' },
    { key: 'propertyCompany', headers: ['物业公司', '物业服务企业', '物业公司名称'], example: '宁夏安居物业服务有限公司', maxLength: 100 },
    { key: 'ownersCommittee', headers: ['是否成立业委会', '业委会', '有无业委会'], example: '否' },
    { key: 'residentCount', headers: ['居民人数', '常住人数', '人数', '居民数'], example: '860' },
    { key: 'pilot', headers: ['是否试点', '试点小区', '试点'], example: '否' },
    { key: 'note', headers: ['备注'], example: '', maxLength: 500 },
  ],
  buildings: [
    { key: 'compound', headers: ['小区', '小区名称', '所在小区'], required: true, example: '' },
    { key: 'name', headers: ['楼栋', '楼栋名称', '楼号', '楼栋号', '名称'], required: true, example: '3号楼', maxLength: 50 },
    { key: 'community', headers: ['社区', '所属社区', '社区名称'], example: '' },
    { key: 'units', headers: ['单元数', '单元'], example: '3' },
    { key: 'households', headers: ['户数', '住户数', '总户数'], example: '36' },
    { key: 'floors', headers: ['层数', '楼层数', '楼层'], example: '6' },
  ],
};

/** Field key → index of the sheet column it is read from. */
export type RosterMapping = Record<string, number>;

/** How a header is compared: no spaces, no `*` marks, no notes in brackets, ASCII letters in lower case. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s*＊:：]/g, '')
    .toLowerCase();
}

/** The mapping the headers suggest: each field to the first column whose header is one of its names. */
export function suggestMapping(kind: RosterKind, headers: readonly string[]): RosterMapping {
  const normalised = headers.map(normaliseHeader);
  const mapping: RosterMapping = {};
  const taken = new Set<number>();
  // Exact names first, field by field in the order of their variants, so 小区名称 goes to the
  // compound's name before 名称 could.
  for (const field of rosterFields[kind]) {
    for (const name of field.headers) {
      const column = normalised.findIndex((header, index) => !taken.has(index) && header === normaliseHeader(name));
      if (column >= 0) {
        mapping[field.key] = column;
        taken.add(column);
        break;
      }
    }
  }
  return mapping;
}

/** How many of the headers the kind recognises: the header row is the row that scores best. */
export function recognisedCount(kind: RosterKind, headers: readonly string[]): number {
  return Object.keys(suggestMapping(kind, headers)).length;
}

export function requiredFields(kind: RosterKind): string[] {
  return rosterFields[kind].filter((field) => field.required).map((field) => field.key);
}

/** The required fields the mapping leaves without a column. */
export function unmappedRequired(kind: RosterKind, mapping: RosterMapping): string[] {
  return requiredFields(kind).filter((key) => mapping[key] === undefined);
}

export function isRosterKind(value: unknown): value is RosterKind {
  return typeof value === 'string' && (rosterKinds as readonly string[]).includes(value);
}

/** The mapping with `column` holding `field` (or nothing): a field sits in one column at most. */
export function remap(mapping: RosterMapping, column: number, field: string | undefined): RosterMapping {
  const next: RosterMapping = {};
  for (const [key, index] of Object.entries(mapping)) if (index !== column && key !== field) next[key] = index;
  if (field !== undefined) next[field] = column;
  return next;
}
