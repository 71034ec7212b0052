import { expect } from 'chai';
import { readQuestion } from '../../../src/understanding/questionSlot.js';
import { resolveTerm } from '../../../src/domain/terms/termRef.js';
import { outcomeRow, questionFields } from '../../../src/features/scores/domain/aggregateDelta.js';
import { loadMeasureCatalogue, loadServiceCatalogue } from '../../../src/seeds/loadSeeds.js';
import { QUESTIONS, readMessage } from '../../support/language.js';
import { ADMIN, FakeTurn, fakeWorld, PRACTITIONER, type FakeWorld } from '../../support/fakes/fakeWorld.js';

const services = loadServiceCatalogue();
const measures = loadMeasureCatalogue().measures;

describe('survey questions named by their own words', () => {
  describe('the question slot (read against the bank passed in)', () => {
    const ONE: [string, string][] = [
      ['"I feel safe online" scores', 'safe.cyp.3'],
      ['how are parents answering my child is safe online', 'safe.pc.3'],
      ['scores for I can name an adult I trust', 'support.cyp.1'],
      ['"I can name adults I trust to go to for help"', 'safe.cyp.2'],
      ['results for "processes and timescales are clear"', 'support.pc.3'],
      ['my child can identfy trusted adults', 'safe.pc.2'],
      ["how many parents feel their child's achievements are celebrated", 'progress.pc.3'],
      ['I am being included in making decisions about my Plan', 'voice.cyp.3'],
    ];
    for (const [text, id] of ONE)
      it(`"${text}" is ${id}`, () => {
        const read = readQuestion(text, QUESTIONS, []);
        expect(read.kind === 'one' && read.question.id).to.equal(id);
      });

    it('a role named makes one distinctive word enough, when the message is about what people said or feel', () => {
      const read = readQuestion('how many young people said they feel listened to', QUESTIONS, ['cyp']);
      expect(read.kind === 'one' && read.question.id).to.equal('voice.cyp.2');
      expect(readQuestion('how many young people said they feel listened to', QUESTIONS, []).kind).to.equal('none');
    });

    const NONE = [
      'are young people feeling safe',
      'what do families say about progress',
      'how are we doing on kept safe this term',
      'do kids feel safe at school',
      'how many young people with SEND are in work or training',
      'SALT waiting list',
    ];
    for (const text of NONE)
      it(`"${text}" names no one question`, () => {
        expect(readQuestion(text, QUESTIONS, []).kind).to.equal('none');
      });

    it('quoted words that fit no question well offer the nearest, to be asked back', () => {
      const read = readQuestion("'I know who to go to if I need help' scores", QUESTIONS, []);
      expect(read.kind).to.equal('several');
    });

    it('reads nothing without a bank: the wording is data, not code', () => {
      expect(readQuestion('"I feel safe online" scores', [], []).kind).to.equal('none');
    });
  });

  describe('understood as a scores question for that question', () => {
    it('sets the question, its outcome and the role that answers it', () => {
      expect(readMessage('"I feel safe online" scores', services, measures)).to.deep.equal({
        intent: 'scores',
        outcome: 'safe',
        roles: ['cyp'],
        terms: [{ kind: 'current' }],
        perQuestion: true,
        question: 'safe.cyp.3',
      });
    });
    it('asks back between questions the words fit equally, each written back in its own words', () => {
      const u = readMessage("'I know who to go to if I need help' scores", services, measures);
      expect(u.intent).to.equal('clarify');
      if (u.intent !== 'clarify') return;
      for (const option of u.options) {
        const again = readMessage(option, services, measures);
        expect(again.intent === 'scores' && again.question, option).to.be.a('string');
      }
    });
    it('a ranking asks about every question, not one', () => {
      expect(readMessage('lowest scoring question overall', services, measures)).to.include({
        intent: 'scores',
        rank: 'lowest',
        perQuestion: true,
      });
    });
  });
});

describe('survey questions, answered in the chat (fake world)', () => {
  let w: FakeWorld;
  /** Answers for one question: counts of 1..5. */
  const give = (role: 'cyp' | 'pc', outcome: string, position: number, counts: number[]) => {
    const term = resolveTerm({ kind: 'current' }, w.terms, w.clock)!.id;
    const rows = w.aggregates.counters.get(term) ?? new Map<string, Record<string, number>>();
    w.aggregates.counters.set(term, rows);
    const row = rows.get(outcomeRow(role, outcome)) ?? {};
    rows.set(outcomeRow(role, outcome), row);
    const f = questionFields(position);
    const n = counts.reduce((a, b) => a + b, 0);
    row[f.n] = n;
    row[f.sum] = counts.reduce((a, c, i) => a + c * (i + 1), 0);
    counts.forEach((c, i) => (row[f.count(i + 1)] = c));
    row.resp = Math.max(row.resp ?? 0, n);
    row.seen = Math.max(row.seen ?? 0, n);
  };
  /** Everything said, cards included (their text as the card shows it). */
  const allSaid = (turn: FakeTurn) =>
    turn.said.map((r) => `${r.text ?? ''}\n${JSON.stringify(r.card ?? '')}`).join('\n');
  const say = async (roles: typeof PRACTITIONER, text: string) => {
    const turn = new FakeTurn(roles, { text });
    await w.router.routeText(turn);
    return turn;
  };

  beforeEach(() => {
    w = fakeWorld();
    give('cyp', 'safe', 1, [0, 1, 2, 4, 5]); // 4.1
    give('cyp', 'safe', 2, [0, 0, 1, 1, 1]); // 3 answers: never shown
    give('cyp', 'safe', 3, [1, 2, 3, 4, 2]); // 3.3, n 12
    give('cyp', 'voice', 2, [2, 3, 1, 0, 0]); // 1.8: the lowest of all
    give('pc', 'support', 3, [1, 1, 2, 2, 1]); // 3.1
    give('pc', 'voice', 1, [0, 0, 1, 3, 4]); // 4.4
  });

  it('answers one question with its own figures under its wording', async () => {
    const turn = await say(PRACTITIONER, '"I feel safe online" scores');
    const text = turn.said.map((r) => r.text).join('\n');
    console.log(`      > "I feel safe online" scores\n${text.replace(/^/gm, '      < ')}`);
    expect(text).to.match(/"I feel safe online" \(children and young people, 2026-27 Autumn\): 3\.3/);
    expect(text).to.match(/n\s12/);
    expect(text).to.not.match(/I feel safe in the place/);
  });

  it('keeps the disclosure rule: a question answered by fewer than 5 shows no figure', async () => {
    const turn = await say(PRACTITIONER, '"I can name adults I trust to go to for help" scores');
    const text = turn.said.map((r) => r.text).join('\n');
    expect(text).to.match(/fewer than 5/);
    expect(text).to.not.match(/n 3\b/);
  });

  it('answers "how many young people said they feel listened to" with that question', async () => {
    const turn = await say(PRACTITIONER, 'how many young people said they feel listened to');
    const text = turn.said.map((r) => r.text).join('\n');
    console.log(`      > how many young people said they feel listened to\n${text.replace(/^/gm, '      < ')}`);
    expect(text).to.match(/"Adults listen to me\. They consider my views when making decisions about me"/);
  });

  it("ranks questions across the whole survey, per role, with each question's outcome", async () => {
    const turn = await say(PRACTITIONER, 'lowest scoring question overall');
    const text = allSaid(turn);
    console.log(`      > lowest scoring question overall\n      < ${turn.said[0]!.text}`);
    expect(text).to.match(/Lowest for children and young people: "Adults listen to me\. .*" \(Voice\) \(1\.8\)/);
    expect(text).to.match(
      /Lowest for parent carers: "I feel processes and timescales are clear.*" \(Support\) \(3\.1\)/,
    );
    expect(text).to.match(/Not ranked: I can name adults I trust to go to for help \(Safe\)/);
  });

  it("ranks one role's questions when one role is asked about", async () => {
    const turn = await say(PRACTITIONER, 'which question do parents score highest on?');
    const text = turn.said.map((r) => r.text).join('\n');
    expect(text).to.match(/Highest for parent carers: "I feel able to share my views.*" \(Voice\) \(4\.4\)/);
    expect(text).to.not.match(/for children and young people/);
  });

  it('"how did we do overall?" gives every outcome for both roles this term', async () => {
    const turn = await say(PRACTITIONER, 'how did we do overall?');
    const text = allSaid(turn);
    expect(text).to.match(/2026-27 Autumn · Children and young people and Parent carers/);
    for (const outcome of ['Voice', 'Progress', 'Health', 'Support', 'Safe', 'Future'])
      expect(text).to.include(outcome);
  });

  it('says the scope first when a breakdown is asked for that no figures are held by', async () => {
    const turn = await say(PRACTITIONER, 'survey scores for Oakfield school');
    console.log(`      > survey scores for Oakfield school\n      < ${turn.said[0]!.text}`);
    expect(turn.said[0]!.text).to.equal('No per-school figures are held; for the whole area:');
    expect(turn.said[1]!.text).to.match(/^Outcome scores/);
  });

  it("reads staff's own words for the digest delivery report and the review access log", async () => {
    for (const text of ['did the digest go out', 'did everyone get the digest', 'was the digest delivered'])
      expect((await say(ADMIN, text)).texts[0], text).to.equal('No digest has been sent yet.');
    const viewed = await say(ADMIN, 'has anyone opened AR-1234');
    expect(viewed.texts.join(' ')).to.not.match(/invit/i);
  });
});
