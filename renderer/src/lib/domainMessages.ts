// Locale texts for the problems `@domain/rules` reports, keyed as `domainMessageKey` returns them.
// Feature locales include them under `problems`; Chinese comes from the domain itself.
import { fieldMessages, idNumberMessages } from '@domain/messages';

export const domainMessageLocales = {
  'zh-CN': { ...fieldMessages, idNumber: { ...idNumberMessages } },
  en: {
    mobile: 'A mobile number has 11 digits, starting with 1 (second digit 3 to 9)',
    genderMismatch: 'Gender does not match the ID number',
    birthDateMismatch: 'Birth date does not match the ID number',
    propertyCompanyWithoutManagement: 'A compound without property management has no property company',
    invalidDate: 'Invalid date',
    idNumber: {
      length: 'An ID number has 18 characters',
      format: 'The first 17 characters are digits, the last a digit or X',
      region: 'The first 6 digits are not a valid region code',
      birthDate: 'The birth date in the ID number is not valid',
      checkDigit: 'The check digit is wrong; please check the number',
    },
  },
} satisfies Record<'zh-CN' | 'en', Record<keyof typeof fieldMessages | 'idNumber', unknown>>;
