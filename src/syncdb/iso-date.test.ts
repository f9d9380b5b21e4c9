import fc from 'fast-check';
import { parseIsoDate } from './iso-date.js';

// parseIsoDate must be Date.parse exactly, NaN included: it decides which rows are valid.
function sameAsDateParse(text: string): void {
  expect(Object.is(parseIsoDate(text), Date.parse(text))).toBe(true);
}

describe('parseIsoDate', () => {
  it('reads toISOString() output of any instant like Date.parse', () => {
    fc.assert(fc.property(fc.integer({ min: -62_000_000_000_000, max: 250_000_000_000_000 }), (ms) => sameAsDateParse(new Date(ms).toISOString())), { numRuns: 20_000 });
  });

  it('agrees with Date.parse on the edges of the calendar and on near-ISO text', () => {
    for (const text of [
      '2024-02-29T00:00:00.000Z', '2023-02-29T00:00:00.000Z', '2100-02-29T00:00:00.000Z', '2000-02-29T00:00:00.000Z',
      '2024-04-31T00:00:00.000Z', '2024-12-31T23:59:59.999Z', '2024-01-01T24:00:00.000Z', '2024-01-01T23:60:00.000Z',
      '2024-01-01T23:59:60.000Z', '2024-00-10T00:00:00.000Z', '2024-13-10T00:00:00.000Z', '2024-01-00T00:00:00.000Z',
      '0999-01-01T00:00:00.000Z', '0050-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000z', '2024-01-01 00:00:00.000Z',
      '2024-01-0aT00:00:00.000Z', '2024-01-01T00:00:00.0-0Z', '+02024-01-01T00:00:00.000Z', '2024-01-01T00:00:00Z',
      '2024-01-01', 'garbage', '', '2024-01-01T00:00:00.000+01:00',
    ]) {
      sameAsDateParse(text);
    }
  });

  it('agrees with Date.parse on random 24-character mutations of an ISO date', () => {
    const base = '2024-05-31T10:20:30.456Z';
    const mutated = fc.tuple(fc.nat(23), fc.constantFrom(...'0123456789-:.TZ x/+'.split(''))).map(([at, char]) => base.slice(0, at) + char + base.slice(at + 1));
    fc.assert(fc.property(mutated, sameAsDateParse), { numRuns: 5_000 });
    fc.assert(fc.property(fc.string({ minLength: 24, maxLength: 24 }), sameAsDateParse), { numRuns: 5_000 });
  });
});
