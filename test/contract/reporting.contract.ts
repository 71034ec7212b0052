import { expect } from 'chai';
import type { ExceptionNote } from '../../src/features/exceptions/domain/exceptionNote.js';
import type { ExceptionNotes } from '../../src/features/exceptions/exceptionStores.js';
import type { PublicMark } from '../../src/features/publicOutcomes/domain/publicMark.js';
import type { PublicMarks } from '../../src/features/publicOutcomes/publicOutcomesStores.js';
import type { ReportView, ReportViewLog } from '../../src/features/boardPack/boardPackStores.js';
import { eachTestGets, type StoreFactory } from './support/contract.js';

const note = (over: Partial<ExceptionNote> = {}): ExceptionNote => ({
  measureId: 'plans_qa_good',
  period: '2025-26-autumn',
  action: 'Extra QA panel each fortnight; coordinators trained on outcomes writing.',
  due: '2027-01-31',
  writtenBy: 'user-29:1abc',
  writtenAt: '2026-11-02T09:00:00.000Z',
  ...over,
});
const sortNotes = (l: ExceptionNote[]) =>
  l.map((n) => ({ ...n })).sort((a, b) => `${a.measureId}${a.writtenAt}`.localeCompare(`${b.measureId}${b.writtenAt}`));
const noteFields = ({ measureId, period, action, due, writtenBy, writtenAt }: ExceptionNote): ExceptionNote => ({
  measureId,
  period,
  action,
  due,
  writtenBy,
  writtenAt,
});

export function describeExceptionNotesContract(name: string, makeStore: StoreFactory<ExceptionNotes>) {
  describe(`ExceptionNotes contract: ${name}`, () => {
    const store = eachTestGets(makeStore);

    it('keeps every save, field for field, so who wrote what and when stays on record', async () => {
      const first = note();
      const second = note({ action: 'A second, longer plan with dates.', writtenAt: '2026-11-03T10:00:00.000Z' });
      const other = note({ measureId: 'complaints', period: '2025-26' });
      for (const n of [first, second, other]) await store().add(n);
      expect(sortNotes((await store().all()).map(noteFields))).to.deep.equal(sortNotes([first, second, other]));
    });

    it('holds nothing before anything is written', async () => {
      expect(await store().all()).to.deep.equal([]);
    });

    it('keeps words as written: quotes, ampersands, line breaks and non-ASCII', async () => {
      const words = note({ action: 'Plan "B" & C:\nreview — done by Siân’s team.' });
      await store().add(words);
      expect((await store().all()).map(noteFields)).to.deep.equal([words]);
    });
  });
}

const mark = (over: Partial<PublicMark> = {}): PublicMark => ({
  subject: 'measure:ar_on_time',
  isPublic: true,
  by: 'user-29:1abc',
  at: '2026-11-02T09:00:00.000Z',
  ...over,
});
const sortMarks = (l: PublicMark[]) =>
  l
    .map(({ subject, isPublic, by, at }) => ({ subject, isPublic, by, at }))
    .sort((a, b) => `${a.subject}${a.at}`.localeCompare(`${b.subject}${b.at}`));

export function describePublicMarksContract(name: string, makeStore: StoreFactory<PublicMarks>) {
  describe(`PublicMarks contract: ${name}`, () => {
    const store = eachTestGets(makeStore);

    it('keeps every change of every subject', async () => {
      const list = [
        mark(),
        mark({ isPublic: false, at: '2026-11-03T09:00:00.000Z' }),
        mark({ subject: 'outcome:voice' }),
      ];
      for (const m of list) await store().add(m);
      expect(sortMarks(await store().all())).to.deep.equal(sortMarks(list));
    });

    it('holds nothing before anything is marked', async () => {
      expect(await store().all()).to.deep.equal([]);
    });
  });
}

const view = (over: Partial<ReportView> = {}): ReportView => ({
  report: 'board pack 2026-27 Autumn',
  viewer: 'user-29:1abc',
  at: '2026-11-02T09:00:00.000Z',
  how: 'html',
  ...over,
});

export function describeReportViewLogContract(name: string, makeStore: StoreFactory<ReportViewLog>) {
  describe(`ReportViewLog contract: ${name}`, () => {
    const store = eachTestGets(makeStore);

    it('lists views newest first, keeping two made at the same moment', async () => {
      await store().record(view());
      await store().record(view({ at: '2026-11-04T09:00:00.000Z', how: 'pdf' }));
      await store().record(view({ at: '2026-11-04T09:00:00.000Z', how: 'link', viewer: 'user-29:2def' }));
      const listed = await store().list();
      expect(listed.map((v) => v.at)).to.deep.equal([
        '2026-11-04T09:00:00.000Z',
        '2026-11-04T09:00:00.000Z',
        '2026-11-02T09:00:00.000Z',
      ]);
      expect(
        listed
          .map((v) => v.how)
          .slice(0, 2)
          .sort(),
      ).to.deep.equal(['link', 'pdf']);
      expect(listed[2]).to.deep.include(view());
    });
  });
}
