import { randomUUID } from 'node:crypto';
import type { Server } from 'restify';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/config/logger.js';
import { composeBot, type Product } from '../../src/compositionRoot.js';
import { directLineSetup } from '../../src/http/directLineSetup.js';
import { startLocalDirectLine, type LocalDirectLine } from '../../src/http/localDirectLine.js';
import getPort from 'get-port';
import { listen } from '../../src/http/server.js';
import type { EmbeddedAzurite } from '../../src/storage/embeddedAzurite.js';
import { freshAccount } from './testAzurite.js';
import { cardElements } from './cardElements.js';
import { TestClock } from './testClock.js';

export type Activity = Record<string, any>;

/**
 * The whole bot on a free port against a fresh storage account (on the test process's in-memory Azurite), driven over HTTP with
 * deliveryMode "expectReplies" (replies come back in the response), as a channel would drive it.
 */
export class BotHarness {
  readonly seeds: Product['seeds'];
  readonly store: Product['store'];
  readonly stores: Product['stores'];
  readonly services: Product['services'];
  readonly server: Server;

  /** The parts as the composition root made them (its jobs are not started: tests run them when they mean to). */
  private constructor(
    readonly azurite: EmbeddedAzurite,
    readonly product: Product,
    readonly clock: TestClock,
    readonly baseUrl: string,
  ) {
    ({
      seeds: this.seeds,
      store: this.store,
      stores: this.stores,
      services: this.services,
      server: this.server,
    } = product);
  }

  /** `azurite`: share another harness's store, as a second instance of the bot would (it is not stopped here). */
  static async start(
    opts: { env?: Record<string, string>; today?: string; azurite?: EmbeddedAzurite } = {},
  ): Promise<BotHarness> {
    const azurite = opts.azurite ?? (await freshAccount());
    const port = await getPort({ host: '127.0.0.1' });
    const config = loadConfig({
      PORT: String(port),
      STORAGE_CONNECTION_STRING: azurite.connectionString,
      DEMO_DATA: 'false',
      LOG_LEVEL: 'silent',
      ...opts.env,
    });
    const clock = new TestClock(opts.today ?? '2026-11-22');
    let directLine: LocalDirectLine | undefined;
    const product = composeBot(
      config,
      createLogger(opts.env?.LOG_LEVEL ?? 'silent'),
      { target: azurite.connectionString },
      { clock, directLine: directLineSetup(config, () => directLine) },
    );
    await listen(product.server, port, '127.0.0.1');
    directLine = await startLocalDirectLine(`http://127.0.0.1:${port}/api/messages`);
    const harness = new BotHarness(azurite, product, clock, `http://127.0.0.1:${port}`);
    harness.directLine = directLine;
    harness.ownsAzurite = !opts.azurite;
    return harness;
  }

  directLine?: LocalDirectLine;
  private ownsAzurite = true;

  async stop(): Promise<void> {
    this.server.close();
    await this.directLine?.close();
    await this.stores.journal.flush().catch(() => undefined);
    if (this.ownsAzurite) await this.azurite.stop();
  }

  /** Posts one activity; returns the bot's replies (and an invoke response, if any, as type 'invokeResponse'). */
  async post(activity: Activity): Promise<{ status: number; activities: Activity[] }> {
    const res = await fetch(`${this.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ deliveryMode: 'expectReplies', ...activity }),
    });
    const text = await res.text();
    const body = text ? JSON.parse(text) : {};
    return { status: res.status, activities: body.activities ?? [] };
  }

  /** `name`: the display name the channel sends with each activity (Teams does; some channels do not). */
  user(
    opts: { id?: string; aadObjectId?: string; channelId?: string; conversationId?: string; name?: string } = {},
  ): ChatUser {
    return new ChatUser(
      this,
      opts.channelId ?? 'msteams',
      opts.conversationId ?? `conv-${randomUUID()}`,
      opts.id ?? `user-${randomUUID()}`,
      opts.aadObjectId,
      opts.name,
    );
  }
}

export class ChatUser {
  constructor(
    private readonly harness: BotHarness,
    readonly channelId: string,
    readonly conversationId: string,
    readonly id: string,
    readonly aadObjectId?: string,
    readonly name?: string,
  ) {}

  private base(): Activity {
    return {
      id: randomUUID(),
      channelId: this.channelId,
      serviceUrl: 'http://127.0.0.1:1/',
      from: {
        id: this.id,
        ...(this.aadObjectId ? { aadObjectId: this.aadObjectId } : {}),
        ...(this.name !== undefined ? { name: this.name } : {}),
      },
      recipient: { id: 'bot' },
      conversation: { id: this.conversationId, conversationType: 'personal' },
      timestamp: new Date().toISOString(),
    };
  }

  say(text: string, extra: Activity = {}) {
    return this.harness.post({ ...this.base(), type: 'message', text, ...extra });
  }

  /** Action.Submit, as Web Chat sends it: a message whose value holds the inputs and the action data. */
  submit(value: Activity, extra: Activity = {}) {
    return this.harness.post({ ...this.base(), type: 'message', value, ...extra });
  }

  /** Action.Execute, as Teams sends it: an adaptiveCard/action invoke. */
  execute(verb: string, data: Activity, extra: Activity = {}) {
    return this.harness.post({
      ...this.base(),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      ...extra,
    });
  }
}

/** Says something and returns the reply's text, its cards, and both as one string to search. */
export async function ask(user: ChatUser, text: string) {
  const { activities } = await user.say(text);
  return {
    text: texts(activities).join('\n'),
    cards: cards(activities),
    all: texts(activities).join('\n') + JSON.stringify(cards(activities)),
  };
}

export function texts(activities: Activity[]): string[] {
  // A card message carries its one-line text as the summary (no duplicate bubble beside the card).
  return activities.filter((a) => a.type === 'message').map((a) => String(a.text ?? a.summary ?? ''));
}

export function cards(activities: Activity[]): Activity[] {
  return activities.flatMap((a) =>
    (a.attachments ?? [])
      .filter((x: Activity) => x.contentType === 'application/vnd.microsoft.card.adaptive')
      .map((x: Activity) => x.content),
  );
}

/** Every element of a card, depth first: in ./cardElements.ts, so unit tests can use it without this harness. */
export { cardElements };

/** The ids of a card's inputs, in order. */
export function cardInputIds(card: Activity): string[] {
  return cardElements(card)
    .filter((e) => String(e.type).startsWith('Input.'))
    .map((e) => String(e.id));
}

/** A survey card's "Section k of 7" line (a greeting or a confirmation may stand above it). */
export function sectionLine(card: Activity | undefined): string | undefined {
  return cardElements(card ?? {}).find((e) => e.type === 'TextBlock' && /^Section \d+ of \d+$/.test(String(e.text)))
    ?.text;
}
