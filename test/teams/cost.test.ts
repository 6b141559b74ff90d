// conway.yml `cost:`: read when right, every mistake located with what to write.
import { describe, expect, it } from 'vitest';
import { parseTeamMap } from '../../analyzer/teams/parse';

const map = (cost: string) => parseTeamMap(`teams:\n  web: { owners: ["@acme/web"] }\n${cost}`, 'conway.yml');

describe('team map: cost', () => {
  it('reads perEngineerDay and currency', () => {
    const p = map('cost:\n  perEngineerDay: 800\n  currency: EUR\n');
    expect(p.errors).toEqual([]);
    expect(p.map.cost).toEqual({ perEngineerDay: 800, currency: 'EUR' });
  });
  it('absent: no money anywhere', () => {
    expect(map('').map.cost).toBeUndefined();
  });
  // A missing key is located at the start of the cost mapping.
  it('a price that is not a positive number, a missing currency and an unknown key are located', () => {
    const p = map('cost:\n  perEngineerDay: "800 EUR"\n  curency: EUR\n');
    expect(p.map.cost).toBeUndefined();
    expect(p.errors.map((e) => [e.line, e.message])).toEqual([
      [5, "unknown key in cost 'curency' (allowed: perEngineerDay, currency)"],
      [
        4,
        'cost.perEngineerDay must be a positive number (the price of one engineer day), e.g. `cost: { perEngineerDay: 800, currency: EUR }`',
      ],
      [
        4,
        'cost.currency must be a currency code such as EUR or USD, e.g. `cost: { perEngineerDay: 800, currency: EUR }`',
      ],
    ]);
  });
  it('not a mapping', () => {
    expect(map('cost: 800\n').errors[0].message).toMatch(/^`cost` must be a mapping with perEngineerDay and currency/);
  });
});
