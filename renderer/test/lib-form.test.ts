import { describe, expect, it } from 'vitest';
import { documentProblems } from '@domain/rules';
import { fieldMessages, idNumberMessages } from '@domain/messages';
import { domainMessageLocales } from '../src/lib/domainMessages';
import { domainMessageKey, fieldErrorsOf, withoutBlanks } from '../src/lib/form';

describe('form values to documents', () => {
  it('drops what was left empty and trims what was typed', () => {
    expect(withoutBlanks({ name: '  幸福花园 ', address: '', phone: '   ', note: undefined, count: 0, flag: false, none: null })).toEqual({
      name: '幸福花园',
      count: 0,
      flag: false,
    });
  });
});

describe('domain problems on form fields', () => {
  it('groups the problems of one field together', () => {
    const problems = documentProblems('members', {
      id: 'm1',
      streetId: 's1',
      communityId: 'c1',
      name: '张三',
      isPartyMember: true,
      idNumber: '11010519491231002X',
      gender: 'male',
      birthDate: '1950-01-01',
      mobile: '12345',
      _deleted: false,
    });
    const fields = fieldErrorsOf(problems);
    expect(fields.map((field) => field.name).sort()).toEqual(['birthDate', 'gender', 'mobile']);
    expect(fields.find((field) => field.name === 'gender')?.errors).toEqual([fieldMessages.genderMismatch]);
  });

  it('knows the locale key of every message the domain writes, and the locales have a text for each', () => {
    const allMessages = [...Object.values(idNumberMessages), ...Object.values(fieldMessages)];
    for (const message of allMessages) {
      const key = domainMessageKey(message);
      expect(key, message).toBeDefined();
      for (const texts of Object.values(domainMessageLocales)) {
        const text = (key ?? '').split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], texts);
        expect(typeof text, `${key} in a locale`).toBe('string');
      }
    }
    expect(domainMessageKey('不是领域消息')).toBeUndefined();
  });
});
