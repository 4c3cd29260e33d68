// Invented people: a name that fits the gender, and an ID number and mobile that pass every check
// the app makes (GB 11643 with its MOD 11-2 check digit; gender and birth date read from it).
import { idCheckDigit } from '@domain/identity';
import { FEMALE_GIVEN, HOME_REGION, MALE_GIVEN, MOBILE_PREFIXES, OTHER_REGIONS, SURNAMES } from './names';
import { pad, type Random } from './random';

export interface Person {
  name: string;
  gender: 'male' | 'female';
  birthDate: string;
  idNumber: string;
  mobile: string;
}

/**
 * `serial` keeps ID numbers apart; birth years span [fromYear, toYear]. `taken` holds the ID
 * numbers and mobiles given out so far: a person who would repeat one is drawn again.
 */
export function person(random: Random, serial: number, fromYear: number, toYear: number, taken: Set<string>): Person {
  for (;;) {
    const drawn = drawPerson(random, serial, fromYear, toYear);
    if (taken.has(drawn.idNumber) || taken.has(drawn.mobile)) continue;
    taken.add(drawn.idNumber);
    taken.add(drawn.mobile);
    return drawn;
  }
}

function drawPerson(random: Random, serial: number, fromYear: number, toYear: number): Person {
  const gender = random.chance(0.5) ? 'male' : 'female';
  const given = gender === 'male' ? MALE_GIVEN : FEMALE_GIVEN;
  const birthDate = `${random.int(fromYear, toYear)}-${pad(random.int(1, 12), 2)}-${pad(random.int(1, 28), 2)}`;
  const region = random.chance(0.75) ? HOME_REGION : random.pick(OTHER_REGIONS);
  // The 17th digit is odd for men, even for women.
  const genderDigit = gender === 'male' ? random.pick([1, 3, 5, 7, 9]) : random.pick([0, 2, 4, 6, 8]);
  const first17 = `${region}${birthDate.replaceAll('-', '')}${pad(serial % 100, 2)}${genderDigit}`;
  return {
    name: random.pick(SURNAMES) + random.pick(given),
    gender,
    birthDate,
    idNumber: first17 + idCheckDigit(first17),
    mobile: random.pick(MOBILE_PREFIXES) + random.digits(8),
  };
}
