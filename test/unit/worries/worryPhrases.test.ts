import { expect } from 'chai';
import { loadWorryPhrases } from '../../../src/seeds/loadSeeds.js';

/**
 * What families might write, and whether a person should read it today. Worrying and harmless texts,
 * including negations and near-misses, judged as a safeguarding lead would; the rates are printed. A
 * missed worry is the costly error: the test requires none; false alarms are counted and bounded.
 */
const list = loadWorryPhrases();

const WORRYING: string[] = [
  'cuts on wrist again',
  'he keeps talking about knives and wants to get one',
  'he says he needs a blade for protection',
  'my son wants to buy a knife',
  'fresh marks up her forearms',
  "I don't feel safe at school",
  'I dont feel safe walking home',
  'I do not feel safe when the older boys are around',
  'The bus is not safe for him',
  'Home feels unsafe sometimes',
  'I am scared of my step dad',
  'I get really frightened at night',
  "I'm terrified of going back to that class",
  'I am afraid to go home after school',
  'My brother hits me when mum is out',
  'He hurts me and says not to tell',
  'A boy in year 9 kicks me at break',
  'Someone touched me and I did not like it',
  'I am being bullied on the bus',
  'There is lots of bullying in my class and nobody stops it',
  'They pick on me every day — I get picked on for my hearing aids',
  'Sometimes I want to die',
  'I want to kill myself',
  'I wish I was dead',
  'I have been cutting myself',
  'I self harm when things get bad',
  'I hurt myself when I get angry',
  'Nobody cares about me',
  'No one cares what I think',
  'I want to run away',
  'There is not enough food at home',
  'I am left alone at night a lot',
  'Someone online made me send pictures',
  "As a parent I can't cope any more",
  'We are at breaking point as a family',
  'I am at the end of my tether with the school',
  'My son talks about suicide',
  'She was abused by a previous carer',
  'I feel scared when people shout',
  'I think I am being groomed by an older friend',
  'I am worried because he is carrying a knife',
];

const HARMLESS: string[] = [
  'he has a cut on his knee from football',
  'we cut up fruit with a knife at cooking club',
  'I feel safe at school',
  'I am not scared of anything at school now',
  'I have never been bullied',
  "I'm not being bullied any more",
  'I enjoyed the trip to the farm',
  'I like my teacher and my friends',
  'He does best with a routine and a quiet space',
  'Swimming on Fridays',
  'I would like to go to college and study animal care',
  'Football and drawing',
  'She struggles when there are loud noises',
  'We find mornings difficult',
  'The speech therapy has really helped',
  'I feel confident about reading now',
  'In the future I would like a job in a shop',
  'My child is happy and settled',
  'Homework is hard',
  'Nothing worries me',
  'Maths',
  'I am not frightened of the dark any more',
  'Waiting lists are too long',
  'More help with transport please',
  'Our key worker is brilliant',
  'Being with my dog',
  'Making new friends at the club',
  'Learning to cook',
  'I want to be a vet',
  'Playing games online with my cousin',
  'The new school has been good for him',
  'We cope well most days',
  'She is safe and happy',
];

describe('worry phrases (seeds/worry-phrases.json)', () => {
  it(`finds every worrying text and raises few false alarms (${WORRYING.length + HARMLESS.length} texts)`, () => {
    expect(WORRYING.length + HARMLESS.length).to.be.at.least(60);
    const missed = WORRYING.filter((t) => list.find(t).length === 0);
    const falseAlarms = HARMLESS.filter((t) => list.find(t).length > 0);
    console.log(
      `      worry phrases: ${WORRYING.length - missed.length} of ${WORRYING.length} worrying texts found, ${falseAlarms.length} of ${HARMLESS.length} harmless texts raised (false alarms)`,
    );
    for (const t of missed) console.log(`      missed: "${t}"`);
    for (const t of falseAlarms) console.log(`      false alarm: "${t}" → ${JSON.stringify(list.find(t))}`);
    expect(missed, 'a missed worry').to.deep.equal([]);
    expect(falseAlarms.length / HARMLESS.length).to.be.at.most(0.1);
  });

  it('"strongly disagree" on a question about feeling safe is a worry; on another question it is not', () => {
    expect(list.isUnsafeScore('safe.cyp.1', 1)).to.equal(true);
    expect(list.isUnsafeScore('safe.pc.4', 1)).to.equal(true);
    expect(list.isUnsafeScore('safe.cyp.1', 2)).to.equal(false);
    expect(list.isUnsafeScore('voice.cyp.1', 1)).to.equal(false);
  });

  describe('how a rule is read', () => {
    const kinds = (text: string) => list.find(text).map((f) => f.kind);
    const cases: [string, string, string[]][] = [
      ['any tense and person (lemmas)', 'She has been cutting her arms again', ['selfHarm']],
      ['third person', 'he says he wants to hurt himself', ['selfHarm']],
      ['a "No," that answers a question is not a negation', 'No, he hits me', ['abuse']],
      ['nor is a bare "No" before a person', 'No he hits me', ['abuse']],
      ['a negation in the same clause cancels', 'Nobody hurts me, I am happy at home', []],
      ['but not one in another clause', 'Nobody helps and she is starving herself', ['eating']],
      ['a rule that is itself a negation is never cancelled', "there's no food in the house", ['neglect']],
      ['a harmless idiom is taken out first', 'She killed it at the school play', []],
      ['a resolvable worry the sentence says is over', 'He was bullied in year 3 but that was sorted years ago', []],
      ['a worry that is not resolvable stays raised', 'She used to self harm', ['selfHarm']],
      ['"no." at the end of a sentence is the word no', "she isn't allowed to say no.", ['exploitation']],
      ['family spellings are written out', 'i want to kil my self', ['suicide']],
      [
        'blood on bedding is read as a sign of self-harm (a rule)',
        'blood on her pillow and she keeps a secret',
        ['selfHarm'],
      ],
    ];
    // The kinds tuned on heldout9 (and heldout8's joke threat), each on a text written for this test (not from any
    // set): the rules must reach the kind, not only the set's row. Each was wrong with the list before that tuning,
    // except the last, which guards that the joke-threat idiom does not hide a threat of harm.
    cases.push(
      ['"prevent" the verb is no worry', 'We use a harness in the car to prevent him getting out of his seat', []],
      [
        'a Prevent referral is radicalisation',
        'He has been referred to Prevent after what he said in class',
        ['radicalisation'],
      ],
      ['a war long past is history', 'My grandad fought in the war and got a medal', []],
      ['hands on a throat, by another verb', 'dad had mum by the throat against the fridge', ['abuse']],
      [
        'running out of class alone to water',
        'he bolts out of class and runs to the canal by himself',
        ['runningAway'],
      ],
      [
        'running for older ones, by another word',
        'im running for the elders now they give me 50 quid a drop',
        ['exploitation'],
      ],
      [
        'a professional who never came back',
        'The physio came twice and then never came back, we chased for months',
        [],
      ],
      ['a set text at school', 'In English we are reading Of Mice and Men and George shoots Lennie at the end', []],
      ['a joke threat over a chore', 'my mum will murder me if i dont tidy my room', []],
      [
        'but a threat of harm over a chore is not',
        'he said if i dont clean my room he will hit me with the belt',
        ['abuse'],
      ],
    );
    for (const [why, text, expected] of cases)
      it(`${why}: "${text}"`, () =>
        expected.length === 0
          ? expect(kinds(text)).to.deep.equal([])
          : expect(kinds(text)).to.include.members(expected));

    it('signs from two groups raise where no rule matches; one sign, or a sign with an ordinary reason, does not', () => {
      expect(kinds('the new driver makes her nervous and she screams in the mornings')).to.deep.equal(['signs']);
      expect(kinds('she screams in the mornings')).to.deep.equal([]);
      expect(kinds('a man at football pushed him in the match')).to.deep.equal([]);
    });
  });
});
