import { describe, expect, it } from 'vitest';
import { ASSURE_COUNTRIES, ASSURE_PROVIDERS, assurePerson, documentTypeById, documentTypes, isTwoSided } from '../../fixtures/assure/index.js';

const AS_OF = '2026-03-01';
const age = (dob: string, on: string) => Number(on.slice(0, 4)) - Number(dob.slice(0, 4)) - (on.slice(5) < dob.slice(5) ? 1 : 0);

describe('the Assure document types', () => {
  it.each(ASSURE_PROVIDERS)(
    'when %s lists its documents, then there are 15-30 rows of {id, country, countryName, type, subType} with unique ids',
    (provider) => {
      const list = documentTypes(provider);
      expect(list.length).toBeGreaterThanOrEqual(15);
      expect(list.length).toBeLessThanOrEqual(30);
      expect(new Set(list.map((d) => d.id)).size).toBe(list.length);
      for (const d of list) {
        expect(Object.keys(d)).toEqual(['id', 'country', 'countryName', 'type', 'subType']);
        expect(Number.isInteger(d.id)).toBe(true);
        expect(d.countryName).toBe(ASSURE_COUNTRIES[d.country as keyof typeof ASSURE_COUNTRIES].name);
        expect(['passport', 'identityCard', 'driversLicense', 'residencePermit']).toContain(d.type);
      }
    },
  );

  it('when PictureID is asked for 137, then it is the Dutch passport of the guide', () => {
    expect(documentTypeById('signicatpictureid', 137)).toMatchObject({ id: 137, country: 'NLD', countryName: 'Netherlands', type: 'passport' });
    expect(documentTypes('signicatpictureid').some((d) => d.type === 'driversLicense')).toBe(true);
  });

  it('when eid lists its documents, then they are passports and identity cards only, among them the Portuguese ones of the seed', () => {
    const list = documentTypes('eid');
    expect(new Set(list.map((d) => d.type))).toEqual(new Set(['passport', 'identityCard']));
    expect(list.some((d) => d.country === 'PRT' && d.type === 'passport')).toBe(true);
    expect(list.some((d) => d.country === 'PRT' && d.type === 'identityCard')).toBe(true);
  });

  it('when an id is unknown, then there is no document type; a listed row changed by the caller does not change the list', () => {
    expect(documentTypeById('eid', 137)).toBeUndefined();
    documentTypes('signicatpictureid')[0]!.country = 'XXX';
    expect(documentTypeById('signicatpictureid', 137)!.country).toBe('NLD');
  });

  it('when asked which documents have a back, then passports have one page and the others two', () => {
    expect(isTwoSided('passport')).toBe(false);
    for (const type of ['identityCard', 'driversLicense', 'residencePermit'] as const) expect(isTwoSided(type)).toBe(true);
  });
});

describe('the Assure person', () => {
  const countries = Object.keys(ASSURE_COUNTRIES);

  it.each(countries)('when a %s person is drawn, then names are upper case, dates ISO and valid, and the countries are the issuing one', (country) => {
    const p = assurePerson({ seed: `p-${country}`, country, documentType: 'passport', asOf: AS_OF });
    expect(p.firstName).toBe(p.firstName.toUpperCase());
    expect(p.lastName).toBe(p.lastName.toUpperCase());
    expect(p.firstName.split(' ').length).toBeLessThanOrEqual(2);
    expect(['M', 'F']).toContain(p.gender);
    for (const d of [p.dateOfBirth, p.dateOfIssue, p.dateOfExpiry]) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(p.dateOfExpiry > AS_OF).toBe(true);
    expect(p.dateOfIssue < AS_OF).toBe(true);
    expect(age(p.dateOfBirth, AS_OF)).toBeGreaterThanOrEqual(18);
    expect(p).toMatchObject({ nationality: country, issuingCountry: country });
    expect(p.personalIdentificationNumber).not.toBe('');
    expect(p.documentNumber).not.toBe('');
    expect(p.mrz).toHaveLength(2);
  });

  it('when the same seed is drawn twice, then it is the same person; another seed is another person', () => {
    const input = { seed: 'same', country: 'PRT', documentType: 'identityCard', asOf: AS_OF } as const;
    expect(assurePerson(input)).toEqual(assurePerson(input));
    const other = assurePerson({ ...input, seed: 'other' });
    expect(`${other.firstName} ${other.lastName}`).not.toBe(`${assurePerson(input).firstName} ${assurePerson(input).lastName}`);
  });

  it('when expired or underage is asked, then the names stay and only the dates change', () => {
    const input = { seed: 'flags', country: 'NLD', documentType: 'passport', asOf: AS_OF } as const;
    const plain = assurePerson(input);
    const expired = assurePerson({ ...input, expired: true });
    const minor = assurePerson({ ...input, underage: true });
    expect([expired.firstName, minor.firstName]).toEqual([plain.firstName, plain.firstName]);
    expect(expired.dateOfExpiry < AS_OF).toBe(true);
    expect(age(minor.dateOfBirth, AS_OF)).toBeLessThan(18);
    expect(minor.dateOfExpiry > AS_OF).toBe(true);
  });

  it('when Portuguese, then names carry two surnames and the identity card the social security, health and tax numbers', () => {
    const card = assurePerson({ seed: 'pt', country: 'PRT', documentType: 'identityCard', asOf: AS_OF });
    expect(card.lastName.split(' ').length).toBeGreaterThanOrEqual(2);
    expect(card.portugueseNumbers).toEqual({
      socialSecurityNumber: expect.stringMatching(/^1\d{10}$/),
      healthNumber: expect.stringMatching(/^\d{9}$/),
      taxNumber: expect.stringMatching(/^\d{9}$/),
    });
    expect(card.documentNumber.startsWith(card.personalIdentificationNumber)).toBe(true);
    expect(assurePerson({ seed: 'pt', country: 'PRT', documentType: 'passport', asOf: AS_OF }).portugueseNumbers).toBeUndefined();
  });

  it('when Dutch, then the personal number is a BSN passing the eleven test', () => {
    for (const seed of ['a', 'b', 'c', 'd']) {
      const bsn = assurePerson({ seed, country: 'NLD', documentType: 'passport', asOf: AS_OF }).personalIdentificationNumber;
      expect(bsn).toMatch(/^\d{9}$/);
      const sum = Array.from(bsn).reduce((s, d, i) => s + Number(d) * (i === 8 ? -1 : 9 - i), 0);
      expect(sum % 11).toBe(0);
    }
  });

  it('when a driving licence is drawn, then it has no MRZ and was issued after the 18th birthday', () => {
    const p = assurePerson({ seed: 'dl', country: 'GBR', documentType: 'driversLicense', asOf: AS_OF });
    expect(p.mrz).toEqual([]);
    expect(age(p.dateOfBirth, p.dateOfIssue)).toBeGreaterThanOrEqual(18);
    expect(p.documentNumber).toMatch(/^[A-Z9]{5}\d{6}[A-Z9]{2}9[A-Z]{2}$/);
  });
});
