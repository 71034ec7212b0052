/** An Adaptive Card (or any part of one) as JSON. */
type CardJson = Record<string, any>;

/**
 * Every element of a card, depth first (inputs sit inside containers that group them with their notes). Kept apart from botHarness.ts so a unit test can read cards without
 * loading the bot, restify and storage the harness starts.
 */
export function cardElements(card: CardJson): CardJson[] {
  const out: CardJson[] = [];
  // A section behind a button (Action.ShowCard) is part of the card: its elements follow its button's set.
  const shown = (actions: CardJson[] | undefined) =>
    (actions ?? []).filter((a) => a.type === 'Action.ShowCard').forEach((a) => walk(a.card?.body));
  const walk = (items: CardJson[] | undefined) => {
    for (const e of items ?? []) {
      out.push(e);
      walk(e.items);
      walk(e.columns);
      if (e.type === 'ActionSet') shown(e.actions);
    }
  };
  walk(card.body);
  shown(card.actions);
  return out;
}
