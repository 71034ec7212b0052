import { expect } from 'chai';
import { toCommand } from '../../../src/understanding/phrasing.js';
import { INTENT_READERS } from '../../../src/routing/routes.js';
import type { Understanding } from '../../../src/understanding/types.js';
import { loadMeasureCatalogue, loadServiceCatalogue } from '../../../src/seeds/loadSeeds.js';
import { readMessage } from '../../support/language.js';

const services = loadServiceCatalogue();
const measures = loadMeasureCatalogue().measures;

/**
 * A question asked back offers options written as commands; picking one must be answered for the period
 * asked (issue #24), so each figures kind's command says its period and reads back to it.
 */
describe('options offered back keep the period asked', () => {
  const year = { kind: 'year', academicYear: '2024-25' } as const;
  const october = { kind: 'month', month: 10 } as const;
  const lastYear = { kind: 'relative', unit: 'year', which: 'previous' } as const;
  const CASES: Understanding[] = [
    {
      intent: 'scores',
      outcome: 'safe',
      roles: ['cyp', 'pc'],
      terms: [{ kind: 'current' }],
      perQuestion: false,
      period: october,
    },
    { intent: 'scores', roles: ['pc'], terms: [{ kind: 'current' }], perQuestion: false, period: year },
    { intent: 'responseRate', terms: [{ kind: 'current' }], period: lastYear },
    { intent: 'waits', service: 'salt', allServices: false, period: year },
    { intent: 'waits', allServices: true, period: { kind: 'term', season: 'spring' } },
    { intent: 'themes', outcome: 'voice', roles: [], terms: [], period: october },
  ];
  for (const u of CASES) {
    const command =
      u.intent === 'themes' ? INTENT_READERS.find((r) => r.intent === 'themes')!.command(u) : toCommand(u, services);
    it(`${u.intent} → "${command}" reads back with its period`, () => {
      const back = readMessage(command, services, measures) as Record<string, unknown>;
      expect(back.intent).to.equal(u.intent);
      expect(back.period).to.deep.equal((u as { period: unknown }).period);
    });
  }
});

describe('a period is one period', () => {
  it('two academic years compared are asked back, not answered as the first alone', () => {
    const read = readMessage('compare safe 2024-25 with 2025-26', services, measures);
    expect(read.intent).to.equal('clarify');
    expect(read).to.not.have.property('period');
  });
});
