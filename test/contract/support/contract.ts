/** What a contract suite is given: a way to make a fresh, empty store (and to tidy up after it). */
export type MadeStore<S> = { store: S; cleanup?: () => Promise<void> };
export type StoreFactory<S> = () => Promise<MadeStore<S>>;

/** A fresh store for each test of the suite (`store()` inside a test gives it). */
export function eachTestGets<S>(makeStore: StoreFactory<S>): () => S {
  let current: MadeStore<S> | undefined;
  beforeEach(async function () {
    // The first store on Azurite starts it: about a second, far more on a loaded machine.
    this.timeout(60_000);
    current = await makeStore();
  });
  afterEach(async () => {
    await current?.cleanup?.();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('no store: call store() inside a test');
    return current.store;
  };
}

/** An ISO time `minutes` after a fixed moment (contract tests pass times rather than read a clock). */
export function at(minutes: number, from = '2026-11-02T09:00:00.000Z'): Date {
  return new Date(Date.parse(from) + minutes * 60_000);
}
