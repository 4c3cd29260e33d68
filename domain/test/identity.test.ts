// Resident ID numbers and mobiles are what staff type most and mistype most: the checks must accept
// every real number and say precisely what is wrong with a mistyped one.
import { describe, expect, it } from 'vitest';
import { idCheckDigit, idNumberProblem, identityFromIdNumber, isValidMobile, maskIdNumber, maskMobile } from '@domain/identity';

const TODAY = '2026-06-30';

describe('ID number (GB 11643)', () => {
  it('accepts valid numbers, including a check character X in either case', () => {
    for (const id of ['11010519491231002X', '11010519491231002x', '640181199003071239', '640181200002290021', '64018119000228002X']) {
      expect(idNumberProblem(id, TODAY), id).toBeNull();
    }
  });

  it('computes the MOD 11-2 check character', () => {
    expect(idCheckDigit('11010519491231002')).toBe('X');
    expect(idCheckDigit('64018119900307123')).toBe('9');
    expect(idCheckDigit('11010519490230002')).toBe('0');
  });

  it.each([
    ['too short', '1101051949123100', 'length'],
    ['too long', '11010519491231002X1', 'length'],
    ['a letter among the digits', '1101051949A231002X', 'format'],
    ['X before the end', '1101051949123100X2', 'format'],
    ['a region code starting with 0', '010105194912310026', 'region'],
    ['a region code starting with 9', '910105194912310029', 'region'],
    ['30 February', '110105194902300020', 'birthDate'],
    ['29 February of a year that is not leap', '640181190002290027', 'birthDate'],
    ['a 13th month', '640181199013071239', 'birthDate'],
    ['a birth date after today', '110105203001010028', 'birthDate'],
    ['a birth year before 1900', '440524188001010014', 'birthDate'],
    ['a wrong check digit', '110105194912310021', 'checkDigit'],
    ['two digits swapped within the sequence', '640181199003072139', 'checkDigit'],
  ])('rejects %s', (_, id, problem) => {
    expect(idNumberProblem(id, TODAY)).toBe(problem);
  });

  it('accepts a birth date in the future when no today is given, and today itself', () => {
    expect(idNumberProblem('110105203001010028')).toBeNull();
    const bornToday = `11010520260630001`;
    expect(idNumberProblem(bornToday + idCheckDigit(bornToday), TODAY)).toBeNull();
  });

  it('reads gender from the 17th digit and the birth date from digits 7–14', () => {
    expect(identityFromIdNumber('11010519491231002X')).toEqual({ gender: 'female', birthDate: '1949-12-31' });
    expect(identityFromIdNumber('640181199003071239')).toEqual({ gender: 'male', birthDate: '1990-03-07' });
    expect(identityFromIdNumber('640181200002290021')).toEqual({ gender: 'female', birthDate: '2000-02-29' });
  });

  it('masks all but the region and the last four characters', () => {
    expect(maskIdNumber('110105194912311234')).toBe('110105********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber('123')).toBe('***');
  });
});

describe('mobile number', () => {
  it('accepts 11 digits starting 13 to 19', () => {
    for (const mobile of ['13812345678', '15012345678', '19912345678', '17712345678']) expect(isValidMobile(mobile), mobile).toBe(true);
  });

  it.each([
    ['a second digit of 2', '12812345678'],
    ['a second digit of 0', '10812345678'],
    ['10 digits', '1381234567'],
    ['12 digits', '138123456789'],
    ['letters', '138abcd5678'],
    ['a landline', '09514012345'],
    ['spaces', '138 1234 5678'],
    ['a country code', '+8613812345678'],
  ])('rejects %s', (_, mobile) => {
    expect(isValidMobile(mobile)).toBe(false);
  });

  it('masks the middle four digits', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
    expect(maskMobile('123')).toBe('***');
  });
});
