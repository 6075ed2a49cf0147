import type { Relation } from '../src/server/modules/territory/territory.tables.ts';
import type { DemoResident } from './demo-model.ts';
import { mobile, personName, SURNAMES } from './names.ts';
import { ageOn, dateIn, IdNumbers } from './people.ts';
import type { Rng } from './prng.ts';

/** Makes the members of one household: plausible family shapes, ages consistent with relations. */
export class HouseholdMaker {
  readonly ids: IdNumbers;
  /** Ages are exact on this date (1 July of the reference year). */
  readonly asOf: string;

  constructor(
    private readonly rng: Rng,
    readonly referenceYear: number,
  ) {
    this.ids = new IdNumbers(rng);
    this.asOf = `${referenceYear}-07-01`;
  }

  /** A birth date that makes the person exactly `age` on the reference date. */
  birthDateFor(age: number): string {
    for (;;) {
      const late = this.rng.chance(0.5);
      const d = late
        ? dateIn(this.rng, this.referenceYear - age - 1, 7, 12)
        : dateIn(this.rng, this.referenceYear - age, 1, 6);
      if (ageOn(d, this.asOf) === age) return d;
    }
  }

  person(gender: 'male' | 'female', age: number, relation: Relation, surname?: string): DemoResident {
    const birthDate = this.birthDateFor(age);
    const year = Number(birthDate.slice(0, 4));
    const hasPhone = age >= 18 && (age < 80 || this.rng.chance(0.5));
    return {
      name: personName(this.rng, gender, year, this.referenceYear, surname),
      gender,
      birthDate,
      idNumber: this.ids.make(birthDate, gender),
      phone: hasPhone ? mobile(this.rng) : null,
      relation,
      tags: [],
      status: 'active',
    };
  }

  private surnameOf(p: DemoResident): string {
    return p.name.slice(0, 1);
  }

  /** A couple; the husband heads the household in most families. */
  private couple(husbandAge: number): DemoResident[] {
    const wifeAge = Math.max(20, husbandAge + this.rng.int(-6, 2));
    const husbandHead = this.rng.chance(0.75);
    const husband = this.person('male', husbandAge, husbandHead ? 'head' : 'spouse');
    const wife = this.person('female', wifeAge, husbandHead ? 'spouse' : 'head');
    return husbandHead ? [husband, wife] : [wife, husband];
  }

  private children(count: number, fatherSurname: string, youngestParentAge: number, relation: Relation) {
    const kids: DemoResident[] = [];
    const oldest = Math.max(2, youngestParentAge - this.rng.int(22, 34));
    for (let i = 0; i < count; i++) {
      const age = Math.max(2, oldest - i * this.rng.int(2, 5));
      kids.push(this.person(this.rng.chance(0.51) ? 'male' : 'female', age, relation, fatherSurname));
    }
    return kids;
  }

  household(): DemoResident[] {
    const kind = this.rng.weighted([
      ['single_elderly', 11], ['single_adult', 6], ['elderly_couple', 14], ['couple', 9],
      ['nuclear', 36], ['three_generations', 15], ['skip_generation', 3], ['single_parent', 4],
      ['siblings', 2],
    ] as const);
    const r = this.rng;
    let members: DemoResident[];
    switch (kind) {
      case 'single_elderly':
        members = [this.person(r.chance(0.65) ? 'female' : 'male', r.int(65, 93), 'head')];
        break;
      case 'single_adult':
        members = [this.person(r.chance(0.5) ? 'female' : 'male', r.int(23, 60), 'head')];
        break;
      case 'elderly_couple':
        members = this.couple(r.int(63, 90));
        break;
      case 'couple':
        members = this.couple(r.int(24, 60));
        break;
      case 'nuclear': {
        members = this.couple(r.int(28, 56));
        const father = members.find((m) => m.gender === 'male')!;
        const youngest = Math.min(...members.map((m) => ageOn(m.birthDate, this.asOf)));
        members.push(...this.children(r.weighted([[1, 55], [2, 38], [3, 7]] as const), this.surnameOf(father), youngest, 'child'));
        break;
      }
      case 'three_generations': {
        members = this.couple(r.int(30, 52));
        const head = members[0]!;
        const father = members.find((m) => m.gender === 'male')!;
        const youngest = Math.min(...members.map((m) => ageOn(m.birthDate, this.asOf)));
        const kids = r.chance(0.6) ? 1 : 2;
        members.push(...this.children(kids, this.surnameOf(father), youngest, 'child'));
        const headAge = ageOn(head.birthDate, this.asOf);
        const parents = kids === 1 && r.chance(0.4) ? 2 : 1;
        const parentAge = Math.min(95, headAge + r.int(24, 34));
        const mother = this.person('female', parentAge - r.int(0, 3), 'parent');
        if (parents === 2) {
          members.push(this.person('male', parentAge, 'parent', this.surnameOf(head)), mother);
        } else {
          members.push(r.chance(0.6) ? mother : this.person('male', parentAge, 'parent', this.surnameOf(head)));
        }
        break;
      }
      case 'skip_generation': {
        // Grandparents raising grandchildren whose parents work elsewhere (留守儿童).
        members = r.chance(0.6) ? this.couple(r.int(55, 72)) : [this.person('female', r.int(55, 72), 'head')];
        const surname = this.surnameOf(members.find((m) => m.gender === 'male') ?? members[0]!);
        const count = r.chance(0.6) ? 1 : 2;
        for (let i = 0; i < count; i++) {
          const kid = this.person(r.chance(0.5) ? 'male' : 'female', r.int(4, 15), 'grandchild', surname);
          kid.tags.push('left_behind_child');
          members.push(kid);
        }
        break;
      }
      case 'single_parent': {
        const parent = this.person(r.chance(0.7) ? 'female' : 'male', r.int(30, 50), 'head');
        members = [parent];
        const surname = parent.gender === 'male' ? this.surnameOf(parent) : SURNAMES.pick(r);
        members.push(...this.children(r.chance(0.7) ? 1 : 2, surname, ageOn(parent.birthDate, this.asOf), 'child'));
        break;
      }
      case 'siblings': {
        const first = this.person(r.chance(0.5) ? 'female' : 'male', r.int(25, 45), 'head');
        const second = this.person(r.chance(0.5) ? 'female' : 'male', r.int(22, 45), 'sibling', this.surnameOf(first));
        members = [first, second];
        break;
      }
    }
    this.tag(members);
    return members;
  }

  /** Care categories: age-derived ones exactly, the others at plausible rates. */
  tag(members: DemoResident[]): void {
    const r = this.rng;
    const lowIncome = r.chance(0.02);
    for (const m of members) {
      const age = ageOn(m.birthDate, this.asOf);
      const tags = new Set(m.tags);
      if (age < 18) tags.add('minor');
      if (age >= 80) tags.add('elderly_80');
      if (members.length === 1 && age >= 65) tags.add('elderly_alone');
      if (r.chance(age >= 60 ? 0.06 : 0.015)) tags.add('disabled');
      if (lowIncome) tags.add('low_income');
      if (m.gender === 'male' && age >= 40 && age <= 85 && r.chance(0.05)) tags.add('veteran');
      if (age >= 20 && r.chance(age >= 60 ? 0.12 : 0.07)) tags.add('party_member');
      if (age >= 18 && age <= 75 && r.chance(0.05)) tags.add('volunteer');
      if (age >= 45 && r.chance(0.012)) tags.add('serious_illness');
      if (age >= 20 && age <= 60 && r.chance(0.0015)) tags.add('community_correction');
      m.tags = [...tags].sort();
      if (m.relation === 'child' && age >= 20 && members.length >= 3 && r.chance(0.03)) m.status = 'moved_out';
    }
  }
}
