import { expect } from 'chai';
import type { Invitation, InvitationStore } from '../../src/features/survey/surveyStores.js';
import { eachTestGets, type StoreFactory } from './support/contract.js';

const invitation = (code: string, over: Partial<Invitation> = {}): Invitation => ({
  code,
  reviewRef: 'AR-1042',
  role: 'pc',
  term: '2026-27-autumn',
  createdAt: '2026-11-02T09:00:00.000Z',
  expiresAt: '2026-11-30T09:00:00.000Z',
  createdBy: 'staff-1',
  ...over,
});

/** Just the invitation's own fields (whatever else a listing carries). */
const fields = (i: Invitation): Invitation => {
  const { code, reviewRef, role, term, createdAt, expiresAt, createdBy, openedAt, revokedAt } = i;
  return {
    code,
    reviewRef,
    role,
    term,
    createdAt,
    expiresAt,
    createdBy,
    ...(openedAt ? { openedAt } : {}),
    ...(revokedAt ? { revokedAt } : {}),
  };
};
const byCode = (list: Invitation[]) => list.map(fields).sort((a, b) => a.code.localeCompare(b.code));

export function describeInvitationStoreContract(name: string, makeStore: StoreFactory<InvitationStore>) {
  describe(`InvitationStore contract: ${name}`, () => {
    const store = eachTestGets(makeStore);

    it('gives back what it created, field for field, by a plain and a fresh read', async () => {
      const made = invitation('ABCD-EFGH-22');
      expect(await store().tryCreate(made)).to.equal(true);
      expect(await store().get(made.code)).to.deep.equal(made);
      expect(await store().getFresh(made.code)).to.deep.equal(made);
    });

    it('knows nothing of a code never created', async () => {
      expect(await store().get('NONE-NONE-22')).to.equal(undefined);
      expect(await store().getFresh('NONE-NONE-22')).to.equal(undefined);
    });

    it('refuses a second invitation with a taken code, and keeps the first', async () => {
      const first = invitation('TAKE-NAAA-22');
      expect(await store().tryCreate(first)).to.equal(true);
      expect(await store().tryCreate(invitation('TAKE-NAAA-22', { reviewRef: 'AR-9999', createdBy: 'x' }))).to.equal(
        false,
      );
      expect(await store().get(first.code)).to.deep.equal(first);
    });

    it('records when it was first opened; a later open of the re-read invitation changes nothing', async () => {
      const made = invitation('OPEN-AAAA-22');
      await store().tryCreate(made);
      await store().markOpened(made, '2026-11-03T10:00:00.000Z');
      const opened = (await store().getFresh(made.code))!;
      expect(opened).to.deep.equal({ ...made, openedAt: '2026-11-03T10:00:00.000Z' });
      await store().markOpened(opened, '2026-11-04T10:00:00.000Z');
      expect((await store().get(made.code))?.openedAt).to.equal('2026-11-03T10:00:00.000Z');
    });

    it('a copy read before the first open (from a cache or another instance) never moves the first time', async () => {
      const made = invitation('OPEN-BBBB-22');
      await store().tryCreate(made);
      const stale = (await store().getFresh(made.code))!;
      await store().markOpened(made, '2026-11-03T10:00:00.000Z');
      await store().markOpened(stale, '2026-11-04T10:00:00.000Z');
      expect((await store().getFresh(made.code))?.openedAt).to.equal('2026-11-03T10:00:00.000Z');
    });

    it("gives one review's invitations as they were made, with nothing of the storage", async () => {
      const made = invitation('LIST-DDDD-22', { reviewRef: 'AR-77' });
      await store().tryCreate(made);
      expect(await store().forReview('AR-77')).to.deep.equal([made]);
    });

    it('a revoked invitation says when, and keeps everything else', async () => {
      const made = invitation('REVO-KEAA-22', { openedAt: '2026-11-02T10:00:00.000Z' });
      await store().tryCreate(made);
      await store().revoke(made.code, '2026-11-05T10:00:00.000Z');
      expect(await store().get(made.code)).to.deep.equal({ ...made, revokedAt: '2026-11-05T10:00:00.000Z' });
    });

    it('refuses to open or revoke an invitation that is not there', async () => {
      const missing = invitation('GONE-AAAA-22');
      let opened: unknown;
      await store()
        .markOpened(missing, '2026-11-03T10:00:00.000Z')
        .catch((e: unknown) => (opened = e));
      expect(opened, 'markOpened of a missing invitation').to.be.instanceOf(Error);
      let revoked: unknown;
      await store()
        .revoke(missing.code, '2026-11-03T10:00:00.000Z')
        .catch((e: unknown) => (revoked = e));
      expect(revoked, 'revoke of a missing invitation').to.be.instanceOf(Error);
      expect(await store().get(missing.code)).to.equal(undefined);
    });

    it("lists one creator's invitations and one review's invitations, and no others", async () => {
      const a = invitation('LIST-AAAA-22', { createdBy: 'staff-1', reviewRef: 'AR-1' });
      const b = invitation('LIST-BBBB-22', { createdBy: 'staff-2', reviewRef: 'AR-1', role: 'cyp' });
      const c = invitation('LIST-CCCC-22', { createdBy: 'staff-1', reviewRef: 'AR-2' });
      for (const i of [a, b, c]) await store().tryCreate(i);
      await store().revoke(a.code, '2026-11-05T10:00:00.000Z');
      const revokedA = { ...a, revokedAt: '2026-11-05T10:00:00.000Z' };
      expect(byCode(await store().byCreator('staff-1'))).to.deep.equal([revokedA, c]);
      expect(byCode(await store().forReview('AR-1'))).to.deep.equal([revokedA, b]);
      expect(await store().byCreator('staff-9')).to.deep.equal([]);
      expect(await store().forReview('AR-9')).to.deep.equal([]);
    });

    it('forgets a deleted invitation (and deleting one that is not there is no error)', async () => {
      const made = invitation('DELE-TEAA-22');
      await store().tryCreate(made);
      await store().delete(made.code);
      await store().delete(made.code);
      expect(await store().get(made.code)).to.equal(undefined);
      expect(await store().forReview(made.reviewRef)).to.deep.equal([]);
      expect(await store().tryCreate(made), 'the code is free again').to.equal(true);
    });
  });
}
