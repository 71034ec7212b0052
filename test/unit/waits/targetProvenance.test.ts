import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fromRoot } from '../../../src/config/projectPaths.js';
import { loadServiceCatalogue } from '../../../src/seeds/loadSeeds.js';
import { parseServiceCatalogue } from '../../../src/features/waits/domain/serviceCatalogue.js';
import { isRated, provenanceLabel, type Provenance } from '../../../src/domain/targets/targetProvenance.js';
import { waitingListStats } from '../../../src/features/waits/domain/waitingListStats.js';

const services = loadServiceCatalogue();
const byId = (id: string) => services.find((s) => s.id === id)!;
const SEEDS = path.join(fromRoot(), '..', 'shared', 'seeds');

/** Every target the catalogue holds, with where it sits. */
function everyTarget(): { where: string; provenance: Provenance }[] {
  return services.flatMap((s) => [
    { where: `${s.id}.seen`, provenance: s.targets.seen.provenance },
    ...(s.targets.triage ? [{ where: `${s.id}.triage`, provenance: s.targets.triage.provenance }] : []),
    ...(s.targets.aim ? [{ where: `${s.id}.aim`, provenance: s.targets.aim.provenance }] : []),
    ...(s.unmeasured ?? []).map((u, i) => ({ where: `${s.id}.unmeasured[${i}]`, provenance: u.provenance })),
  ]);
}

/** The seed's text with the PDF's line breaks and tabs as single spaces, so a quote can span them. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('target provenance (faithful to the framework)', () => {
  it('gives every target in seeds/ its basis, document, section and wording', () => {
    const all = everyTarget();
    expect(all.length).to.be.at.least(8);
    for (const { where, provenance } of all) {
      expect(provenance.basis, where).to.be.oneOf(['statutory', 'seeded', 'assumed']);
      expect(provenance.section, where).to.have.length.above(5);
      expect(provenance.quote, where).to.have.length.above(10);
    }
  });

  it('quotes every seeded target exactly as its seed words it', function () {
    if (!existsSync(SEEDS)) this.skip(); // the shared seed documents sit beside the checkout in development and CI
    for (const { where, provenance } of everyTarget().filter((t) => t.provenance.seed)) {
      const seed = flat(readFileSync(path.join(SEEDS, provenance.seed!), 'utf8'));
      expect(seed, `${where}: "${provenance.quote}" in ${provenance.seed}`).to.include(flat(provenance.quote));
    }
  });

  it('rates SALT on seen within 18 weeks and triage within 2 weeks, as the WSoA sets them', () => {
    const salt = byId('salt');
    expect(salt.targets.seen.provenance).to.include({ basis: 'seeded', seed: '001_48e64fa7d1c7d9da.txt' });
    expect(salt.targets.seen.provenance.quote).to.equal('92% CYP seen within 18weeks or less from referral to service');
    expect(salt.targets.triage!.provenance.quote).to.equal(
      '100% CYP triaged within 2 weeks or less of referral to service',
    );
  });

  it('marks the ADHD target as assumed (no seed sets one) and the EHC plan’s 20 weeks as statutory', () => {
    expect(byId('adhd').targets.seen.provenance.basis).to.equal('assumed');
    expect(isRated(byId('adhd').targets.seen.provenance)).to.equal(false);
    expect(byId('ehcna').targets.seen.provenance.basis).to.equal('statutory');
  });

  it('says a WSoA target is past its period once 2022 is over, and with no newer target', () => {
    const p = byId('salt').targets.seen.provenance;
    expect(provenanceLabel(p, '2021-06-01')).to.equal('WSoA 2020–22');
    expect(provenanceLabel(p, '2026-11-22')).to.equal('WSoA: set for 2020–22; no newer target');
    expect(provenanceLabel(byId('ehcna').targets.seen.provenance, '2026-11-22')).to.equal(
      'statutory (SEND Regulations 2014)',
    );
    expect(provenanceLabel(byId('adhd').targets.seen.provenance, '2026-11-22')).to.equal('assumed: no target set');
  });

  it('lists the ND pathway’s 3-month and 8-week standards as not measurable from the extract, naming the column', () => {
    const nd = byId('nd').unmeasured ?? [];
    expect(nd.map((u) => u.standard)).to.deep.equal([
      'assessment within 3 months',
      'support within 8 weeks of referral',
    ]);
    expect(nd[0].needs).to.match(/assessed_on/);
    expect(nd[1].needs).to.match(/support_started_on/);
  });

  it('computes no rating against an assumed target, and none on the share of those waiting', () => {
    const adhd = byId('adhd');
    const late = Array.from({ length: 10 }, (_, i) => ({
      referralId: `r${i}`,
      service: 'adhd',
      referredOn: '2024-01-01',
      firstSeenOn: '2026-10-01',
    }));
    const stats = waitingListStats(late, adhd, '2026-11-22', { start: '2026-09-01', end: '2026-12-19' });
    expect(stats.seenWithinTargetThisTerm.share, 'every one seen late').to.equal(0);
    expect(stats.seenWithinTargetThisTerm.rag).to.equal(null);
    expect(stats.rag).to.equal(null);
    const asAssumedSalt = { ...byId('salt'), id: 'adhd' };
    asAssumedSalt.targets = {
      seen: { ...byId('salt').targets.seen, provenance: adhd.targets.seen.provenance },
    };
    const waiting = Array.from({ length: 10 }, (_, i) => ({
      referralId: `w${i}`,
      service: 'adhd',
      referredOn: '2024-01-01',
    }));
    const s2 = waitingListStats(waiting, asAssumedSalt, '2026-11-22', { start: '2026-09-01', end: '2026-12-19' });
    expect(s2.waitingUnderTarget.share, 'all waiting over 18 weeks').to.equal(0);
    expect(s2.rag, 'still not rated').to.equal(null);
  });

  it('refuses a seeded target without its seed file or period, and an assumed one without a reason', () => {
    const raw = JSON.parse(readFileSync(fromRoot('seeds', 'services.json'), 'utf8'));
    delete raw.services[0].targets.seen.provenance.seed;
    expect(() => parseServiceCatalogue(raw)).to.throw(/services\[0\]\.targets\.seen\.provenance\.seed/);
    const raw2 = JSON.parse(readFileSync(fromRoot('seeds', 'services.json'), 'utf8'));
    delete raw2.services[2].targets.seen.provenance.reason;
    expect(() => parseServiceCatalogue(raw2)).to.throw(/reason: an assumed target must say why/);
  });
});
