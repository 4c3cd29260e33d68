// Names of the member categories and genders (domain.md §3), shared by every page that shows
// members; feature locales include them.
import type { Member } from '@domain/collections';

type Category = NonNullable<Member['category']>;
type Gender = NonNullable<Member['gender']>;

export const memberLocales = {
  'zh-CN': {
    categories: {
      pairedDepartment: '包抓部门党员',
      communityManaged: '社区直管党员',
      propertyCompany: '物业公司党员',
      retired: '离退休党员',
      inServiceReported: '在职党员报到',
    },
    genders: { male: '男', female: '女' },
  },
  en: {
    categories: {
      pairedDepartment: 'Paired department member',
      communityManaged: 'Community-managed member',
      propertyCompany: 'Property company member',
      retired: 'Retired member',
      inServiceReported: 'In-service member reported',
    },
    genders: { male: 'Male', female: 'Female' },
  },
} satisfies Record<'zh-CN' | 'en', { categories: Record<Category, string>; genders: Record<Gender, string> }>;
