import { z } from 'zod';
import type { DigestService } from './digestService.js';
import { intentRoute } from '../../routing/route.js';

/** "digest delivery report": how the last digests went. Administrators and managers. */
export const deliveryReportRoute = (digests: DigestService) =>
  intentRoute({
    intent: 'deliveryReport',
    // Managers send the digest, administrators look after the bot: both may see how it went.
    requires: 'seeDeliveries',
    refusal: 'Sorry, only administrators and managers can see the digest delivery report.',
    input: z.object({ intent: z.literal('deliveryReport') }),
    handle: async (turn) => turn.send({ text: await digests.deliveryReportText() }),
  });
