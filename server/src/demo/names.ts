// Tables of names for the demo street: a fictional street in Lingwu City (灵武市), Ningxia. Places,
// companies and people are invented; common surnames and given names only, no famous people.

export const STREET_NAME = '朔方街道';

/** The 14 communities: name and the road their office stands on. */
export const COMMUNITIES: readonly (readonly [name: string, road: string])[] = [
  ['西关社区', '西环路'],
  ['东关社区', '东环路'],
  ['南门社区', '南门街'],
  ['北塔社区', '北塔路'],
  ['文化社区', '文化街'],
  ['育才社区', '育才路'],
  ['胜利社区', '胜利街'],
  ['团结社区', '团结路'],
  ['枣园社区', '枣园路'],
  ['果园社区', '果园路'],
  ['新华社区', '新华街'],
  ['建设社区', '建设路'],
  ['朔方社区', '朔方路'],
  ['鸣沙社区', '鸣沙路'],
];

/** Compounds with a property company: newer estates. */
export const MANAGED_COMPOUNDS = [
  '枣香花园', '朔方苑', '灵州家园', '鸣翠花园', '滨河苑', '金水湾小区', '怡景苑', '阳光花园', '御景苑',
  '丽水家园', '泰和花园', '锦绣苑', '康居花园', '馨园小区', '紫荆苑', '书香苑', '和悦家园', '翠柳花园',
];

/** Compounds without one: old work-unit housing and small estates (无物业小区). */
export const UNMANAGED_COMPOUNDS = [
  '粮食局家属院', '农机厂家属院', '供电所家属院', '老干部小区', '东关小区', '二中家属院', '纺织厂家属院',
  '建材厂小区', '兴盛小区', '文昌小区', '水务局家属院', '交通局家属院', '农行家属院', '糖厂家属院', '向阳小区',
  '前进小区', '红星小区', '邮电家属院', '卫生院家属院', '林业局家属院', '新民小区', '和平小区', '光明小区',
  '园艺场家属院', '百货公司家属院', '车站小区', '春晖小区',
];

export const PROPERTY_COMPANIES = [
  '灵武市朔方物业服务有限公司',
  '宁夏枣乡物业管理有限公司',
  '灵武市鸣翠物业服务有限公司',
  '宁夏金水湾物业服务有限公司',
  '灵武市安居物业管理有限公司',
  '宁夏恒泰物业服务有限公司',
];

/** Paired departments (包抓部门) of the city, one per community's pilot compound. */
export const DEPARTMENTS = [
  '市住建局', '市卫健局', '市民政局', '市教育局', '市公安局', '市财政局', '市人社局',
  '市自然资源局', '市市场监管局', '市综合执法局', '市文旅局', '市司法局', '市交通运输局', '市应急管理局',
];

export const STATIONED_UNITS = ['灵武市第二中学', '灵武市人民医院', '国网灵武市供电公司城区供电所', '灵武市朔方路小学'];
export const ENTERPRISES = ['灵武市枣乡超市有限公司', '宁夏灵枣食品有限公司', '灵武市鑫源建材有限公司'];
export const JURISDICTION_UNITS = ['灵武市邮政分公司朔方支局', '灵武市农村商业银行城区支行'];

/** Where in-service Party members work, besides the units above. */
export const WORKPLACES = [
  '灵武市第一小学', '灵武市税务局', '宁东能源化工基地管委会', '灵武市融媒体中心', '灵武市图书馆',
  '灵武市疾控中心', '灵武市自来水公司', '灵武市档案馆',
];

export const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '马', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高',
  '何', '郭', '罗', '丁', '田', '韩', '冯', '苏', '白', '金', '杜', '纳', '海', '沙',
];
export const MALE_GIVEN = [
  '建国', '志刚', '海涛', '文博', '晓东', '宏伟', '学军', '振华', '子豪', '浩然', '永福', '国庆', '立新',
  '德胜', '春生', '玉林', '宝山', '金龙', '树林', '建军', '明辉', '克俭', '少华', '旭东',
];
export const FEMALE_GIVEN = [
  '秀英', '红梅', '桂兰', '玉兰', '淑珍', '晓燕', '丽娟', '海燕', '春梅', '欣怡', '梦瑶', '佳怡',
  '雪莲', '彩霞', '凤英', '金花', '玉梅', '秀兰', '淑芳', '慧敏', '晓琴', '亚萍',
];

/** Region codes of ID numbers: 640181 is Lingwu itself, the rest elsewhere in Ningxia. */
export const HOME_REGION = '640181';
export const OTHER_REGIONS = ['640104', '640105', '640106', '640121', '640122', '640202', '640205', '640221'];

export const MOBILE_PREFIXES = ['133', '135', '138', '139', '150', '151', '155', '177', '180', '181', '186', '187', '189', '199'];

export const SKILLS = ['电工维修', '法律咨询', '医疗护理', '心理疏导', '政策宣传', '书法绘画', '家电维修', '文艺演出', '财会'];
export const SERVICES = ['防疫值守', '政策宣讲', '环境整治', '助老服务', '矛盾调解', '课业辅导', '义诊', '平安巡逻'];
