import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadServiceCatalogue } from '../../../src/seeds/loadSeeds.js';
import { parseServiceCatalogue } from '../../../src/features/waits/domain/serviceCatalogue.js';

const services = loadServiceCatalogue();
const byId = (id: string) => services.find((s) => s.id === id)!;
const raw = () =>
  JSON.parse(JSON.stringify({ version: 2, description: 'test', services })) as {
    services: Array<Record<string, unknown>>;
  };

describe('services catalogue', () => {
  it('holds the five services with the targets of the Written Statement of Action and statute', () => {
    expect(services.map((s) => s.id)).to.deep.equal(['salt', 'asd', 'adhd', 'nd', 'ehcna']);
    const figures = (id: string) => {
      const { seen, triage, aim } = byId(id).targets;
      const plain = (t?: { weeks: number; share?: number }) => t && { weeks: t.weeks, share: t.share };
      return JSON.parse(JSON.stringify({ seen: plain(seen), triage: plain(triage), aim: plain(aim) }));
    };
    expect(figures('salt')).to.deep.equal({ seen: { weeks: 18, share: 0.92 }, triage: { weeks: 2, share: 1 } });
    expect(figures('asd')).to.deep.equal({ seen: { weeks: 52, share: 1 }, aim: { weeks: 18 } });
    expect(figures('adhd')).to.deep.equal({ seen: { weeks: 52, share: 1 } });
    expect(figures('nd')).to.deep.equal({ seen: { weeks: 18, share: 1 } });
    expect(figures('ehcna')).to.deep.equal({ seen: { weeks: 20, share: 1 } });
    expect(byId('ehcna').headline).to.equal('seen-this-term');
    expect(byId('salt').seenMeans, "the seed's words: assessment and first intervention").to.equal(
      'seen for assessment and first intervention',
    );
  });

  it('knows the names practitioners type for each service', () => {
    const phrases = (id: string) =>
      [byId(id).name, byId(id).shortName, ...byId(id).aliases].map((a) => a.toLowerCase());
    expect(phrases('salt')).to.include.members([
      'speech and language',
      'speech',
      'slt',
      'salt',
      'speech therapy',
      'language',
    ]);
    expect(phrases('asd')).to.include.members(['autism', 'asd', 'autistic spectrum']);
    expect(phrases('adhd')).to.include.members(['adhd', 'attention deficit']);
    expect(phrases('nd')).to.include.members(['neurodevelopmental', 'neurodiversity', 'nd', 'nd pathway']);
    expect(phrases('ehcna')).to.include.members([
      'ehc needs assessment',
      'ehcna',
      'ehcp assessment',
      'needs assessment',
      'ehc plan',
    ]);
  });

  it('loads a new service from data alone', () => {
    const data = raw();
    data.services.push({
      id: 'ot',
      name: 'Occupational therapy',
      shortName: 'OT',
      aliases: ['occupational therapy', 'OT'],
      seenMeans: 'first seen',
      headline: 'waiting-list',
      targets: {
        seen: {
          weeks: 18,
          share: 0.92,
          provenance: { basis: 'assumed', document: 'local', section: 'none', quote: 'none', reason: 'a test' },
        },
      },
    });
    const dir = mkdtempSync(path.join(tmpdir(), 'services-'));
    writeFileSync(path.join(dir, 'services.json'), JSON.stringify(data));
    expect(loadServiceCatalogue(path.join(dir, 'services.json')).map((s) => s.id)).to.include('ot');
  });

  it('names the bad field when a target is written as a percentage', () => {
    const data = raw();
    (data.services[0]['targets'] as { seen: { share: number } }).seen.share = 92;
    expect(() => parseServiceCatalogue(data)).to.throw(/services\[0\]\.targets\.seen\.share: must be at most 1/);
  });

  it('names the missing field', () => {
    const data = raw();
    delete data.services[3]['seenMeans'];
    expect(() => parseServiceCatalogue(data)).to.throw(/services\[3\]\.seenMeans/);
  });

  it('refuses a service id used twice', () => {
    const data = raw();
    data.services.push({ ...data.services[0], aliases: ['something else'], name: 'x', shortName: 'y' });
    expect(() => parseServiceCatalogue(data)).to.throw(/"salt" appears twice/);
  });

  it('refuses an alias that would mean two services', () => {
    const data = raw();
    (data.services[1]['aliases'] as string[]).push('Speech');
    expect(() => parseServiceCatalogue(data)).to.throw(/"Speech" is already used by service "salt"/);
  });

  it('says which file could not be read', () => {
    expect(() => loadServiceCatalogue('/nonexistent/services.json')).to.throw(
      /services catalogue \/nonexistent\/services\.json could not be read/,
    );
  });
});
