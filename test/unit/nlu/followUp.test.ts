import { expect } from 'chai';
import { readFollowUp } from '../../../src/understanding/followUp.js';
import { readMessage } from '../../support/language.js';
import { SERVICES } from './servicesFixture.js';

const read = (text: string) => readMessage(text, SERVICES);
const after = (previous: string, text: string) => readFollowUp(text, read(text), read(previous), SERVICES);

describe('follow-ups, read against the question before', () => {
  const voice = 'how are we doing on voice this term';

  it('changes only the term, the respondents, the outcome or the comparison of a scores question', () => {
    expect(after(voice, 'what about last term?')).to.deep.include({ outcome: 'voice', terms: [{ kind: 'previous' }] });
    expect(after(voice, 'and for children?')).to.deep.include({ outcome: 'voice', roles: ['cyp'] });
    expect(after(voice, 'just parent carers')).to.deep.include({ outcome: 'voice', roles: ['pc'] });
    expect(after(voice, 'compare with last term')).to.deep.include({
      outcome: 'voice',
      terms: [{ kind: 'current' }, { kind: 'previous' }],
    });
    expect(after(voice, 'what about this time last year')).to.deep.include({ terms: [{ kind: 'yearAgo' }] });
    expect(after(voice, 'and for safe?')).to.deep.include({ intent: 'scores', outcome: 'safe' });
  });

  it('asks back when a scores question is followed by a service, and follows a waits question to another service', () => {
    expect(after(voice, 'and for autism?')).to.deep.include({ intent: 'clarify' });
    expect(after('current wait for SALT', 'and for autism?')).to.deep.equal({
      intent: 'waits',
      service: 'asd',
      allServices: false,
    });
  });

  it('leaves a question of its own alone', () => {
    expect(after(voice, 'current wait for SALT')).to.deep.include({ intent: 'waits', service: 'salt' });
    expect(after(voice, 'outcome scores this term')).to.not.have.property('outcome');
    expect(after(voice, 'how are we doing on kept safe')).to.deep.include({ outcome: 'safe' });
    expect(after(voice, 'thanks')).to.deep.equal({ intent: 'smallTalk', say: 'thanks' });
    expect(after(voice, 'invite review AR-1042 parent')).to.deep.include({ intent: 'invite' });
  });
});
