import type { Presented } from './scoresPresenter.js';

/**
 * Says first how the figures shown answer the period asked, when they are not simply for it ("Survey figures
 * are kept by term; October 2026 is in the autumn term 2026-27:", "No scores are held for October 2024; the
 * nearest term held is …:"): in the card's headline, its text and its one-line summary alike.
 */
export function withLead(p: Presented, lead: string | undefined): Presented {
  if (!lead) return p;
  return {
    card: { ...p.card, headline: p.card.headline ? `${lead} ${p.card.headline}` : lead },
    text: `${lead}\n${p.text}`,
    summary: `${lead} ${p.summary}`,
  };
}
