import { z } from 'zod';
import type { Turn } from '../../ports/turn.js';
import { intentRoute } from '../../routing/route.js';
import { longDateTime } from '../../cards/format.js';
import type { BoardPackService, PackAsk } from './boardPackService.js';

const MANAGERS_ONLY = 'Sorry, only managers can have the board pack. An administrator can give you the manager role.';

const termRef = z.union([
  z.object({ kind: z.enum(['current', 'previous', 'yearAgo']) }),
  z.object({
    kind: z.literal('named'),
    season: z.enum(['autumn', 'spring', 'summer']),
    academicYear: z.string().optional(),
  }),
]);
export const packAskSchema = z.union([
  z.object({ kind: z.literal('term'), term: termRef }),
  z.object({ kind: z.literal('weeks'), weeks: z.number().int().min(1).max(26) }),
]);

/** "board pack for this term" / "… for spring 2025-26" / "… for the last six weeks": a signed link. */
export const boardPackRoute = (packs: BoardPackService) =>
  intentRoute({
    intent: 'boardPack',
    requires: 'manageReporting',
    refusal: MANAGERS_ONLY,
    input: z.object({ intent: z.literal('boardPack'), ask: packAskSchema }),
    handle: async (turn: Turn, { ask }: { ask: PackAsk }) => {
      const period = packs.resolve(ask);
      if (!period) {
        await turn.send({
          text: 'I can make a board pack for a term that has started: say "board pack for this term", "board pack for spring 2025-26" or "board pack for the last six weeks".',
        });
        return;
      }
      const link = await packs.link(period, turn.userId ?? 'unknown');
      await turn.send({
        text: [
          `The board pack for ${link.title} (opening it is recorded):`,
          `- To read or print: ${link.url}`,
          `- As a PDF: ${link.pdfUrl}`,
          `The links are for you and work until ${longDateTime(link.expires)}. Figures from fewer than 5 people are never shown.`,
        ].join('\n'),
      });
    },
  });
