// Locale texts for the problems `@domain/rules` reports, keyed as `domainMessageKey` returns them.
// Feature locales include them under `problems`; Chinese comes from the domain itself.
import { fieldMessages, idNumberMessages, needActionNames, needFlowMessageTemplates, needStateNames } from '@domain/messages';

export const domainMessageLocales = {
  'zh-CN': {
    ...fieldMessages,
    idNumber: { ...idNumberMessages },
    needFlow: { ...needFlowMessageTemplates },
    needStates: { ...needStateNames },
    needActions: { ...needActionNames },
  },
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
    needFlow: {
      illegalTransition: 'A need cannot go straight from "{{from}}" to "{{to}}"',
      illegalStart: 'A new need starts as "recorded" or "listed", not "{{to}}"',
      notFromState: 'A need that is "{{from}}" cannot be given "{{action}}"',
      roleNotAllowed: 'A {{role}} may not take the step "{{action}}"',
      notPaired: "This need's compound is not paired with your department: you cannot {{action}} it",
      otherUnit: 'Another department claimed this need: you cannot {{action}} it',
      ownUnitOnly: 'A department liaison claims needs only for their own department',
      unitRequired: 'Choose the paired department that claims the need',
      reasonRequired: 'Give the reason for returning the need (why the resident does not accept the resolution)',
      noteRequired: 'Describe the coordination: which units, and what was done',
      stepMissing: 'Moving a need to "{{to}}" needs the matching step in its history',
      claimChanged: 'The claiming department changes only by a claim, never by rewriting it',
      liaisonFieldsOnly: "A department liaison takes steps on a need (claim, resolve, ...) but may not change what was recorded",
      liaisonCannotDelete: 'A department liaison may not delete a need',
    },
    needStates: {
      submitted: 'recorded',
      listed: 'listed',
      claimed: 'claimed',
      coordinating: 'coordinating',
      resolved: 'resolved',
      closed: 'closed',
      returned: 'returned',
    },
    needActions: {
      record: 'record',
      list: 'list',
      claim: 'claim',
      coordinate: 'coordinate',
      resolve: 'resolve',
      confirm: 'confirm',
      return: 'return',
      reopen: 'reopen',
    },
  },
} satisfies Record<
  'zh-CN' | 'en',
  Record<keyof typeof fieldMessages | 'idNumber', unknown> & {
    needFlow: Record<keyof typeof needFlowMessageTemplates, string>;
    needStates: Record<keyof typeof needStateNames, string>;
    needActions: Record<keyof typeof needActionNames, string>;
  }
>;
