import path from 'node:path';
import { z } from 'zod';
import { isRealIsoDate, isRealIsoDateTime } from '../domain/dates.js';
import { fromRoot } from './projectPaths.js';
import { STAFF_ROLES, type StaffRole } from '../domain/access/roles.js';
import { loadLegalText } from '../seeds/loadSeeds.js';
import type { LegalText } from '../domain/legal/legalText.js';

/**
 * All configuration, read from the environment in this one module and validated with zod.
 * Nothing else reads process.env. A bad value stops start-up with a message naming the variable.
 */

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();
function accountUrlProblem(value: string): string | undefined {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || !/^https?:$/.test(url.protocol))
    return 'must be the Table endpoint, e.g. https://<account>.table.core.windows.net';
  if (url.protocol !== 'https:') return 'must be https (a managed identity token is never sent over plain http)';
  if (url.search) return 'must be the bare Table endpoint, without a query (a SAS token in a URL is a key)';
  if (url.username || url.password) return 'must be the bare Table endpoint, without a user name or password';
  return undefined;
}
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GUID_TEXT = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** `<key name>-<service id>-<secret id>`: the client reads the two GUIDs from the end. */
const NOTIFY_KEY = new RegExp(`^[A-Za-z0-9_ .-]{1,255}-${GUID_TEXT}-${GUID_TEXT}$`, 'i');
const notifyTemplate = optionalText.refine((v) => v === undefined || guid.test(v), {
  message: "must be a Notify template id (a GUID, shown on the template's page in Notify)",
});
/** A family is reminded on the 3rd and the 7th day after the invitation unless REMINDER_DAYS says otherwise. */
export const DEFAULT_REMINDER_DAYS: readonly number[] = [3, 7];
const REMINDER_DAYS_FORM =
  'must be at most two whole days after the invitation, in order and comma-separated, e.g. 3,7 (the default), 5 or none';
function reminderDays(value: string | undefined): number[] {
  if (value === undefined) return [...DEFAULT_REMINDER_DAYS];
  if (/^none$/i.test(value)) return [];
  return value.split(',').map((d) => Number(d.trim()));
}
function reminderDaysProblem(value: string): string | undefined {
  if (/^none$/i.test(value)) return undefined;
  const days = reminderDays(value);
  if (!value.split(',').every((d) => /^\s*\d{1,3}\s*$/.test(d))) return REMINDER_DAYS_FORM;
  if (days.length > 2) return `${REMINDER_DAYS_FORM}: a family is reminded at most twice`;
  if (days.some((d, i) => d < 1 || (i > 0 && d <= days[i - 1]!))) return REMINDER_DAYS_FORM;
  return undefined;
}

function isBase64Key(value: string): boolean {
  return /^[A-Za-z0-9+/]{43}=$/.test(value) && Buffer.from(value, 'base64').length === 32;
}

const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3978),
    STORAGE_CONNECTION_STRING: optionalText.refine(
      (v) => v === undefined || /(TableEndpoint|AccountName)=/i.test(v) || v === 'UseDevelopmentStorage=true',
      {
        message: 'must be an Azure Storage or Cosmos DB Table connection string (with AccountName= or TableEndpoint=)',
      },
    ),
    // Reached with a managed identity, never a key: the Tables SDK sends a bearer token only over https.
    STORAGE_ACCOUNT_URL: optionalText.superRefine((v, ctx) => {
      const problem = v === undefined ? undefined : accountUrlProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    AZURE_CLIENT_ID: optionalText.refine((v) => v === undefined || guid.test(v), {
      message: "must be a GUID (the user-assigned managed identity's client id)",
    }),
    DATA_DIR: optionalText,
    MicrosoftAppType: z
      .enum(['SingleTenant', 'UserAssignedMSI', 'MultiTenant'])
      .optional()
      .or(z.literal('').transform(() => undefined)),
    MicrosoftAppId: optionalText.refine((v) => v === undefined || guid.test(v), {
      message: "must be a GUID (the bot's Entra app id)",
    }),
    MicrosoftAppPassword: optionalText,
    // Tenant ids are kept in lower case (as Teams sends them): an id pasted in capitals must not lock staff out.
    MicrosoftAppTenantId: optionalText
      .refine((v) => v === undefined || guid.test(v), {
        message: 'must be a GUID (your Entra tenant id)',
      })
      .transform((v) => v?.toLowerCase()),
    ALLOWED_TENANTS: optionalText
      .transform((v) =>
        v
          ? v
              .split(',')
              .map((s) => s.trim().toLowerCase())
              .filter(Boolean)
          : [],
      )
      .pipe(z.array(z.string().regex(guid, 'each tenant id must be a GUID'))),
    PUBLIC_BASE_URL: optionalText.pipe(
      z
        .url({ protocol: /^https?$/, message: 'must be an http(s) URL such as https://outcomes.example.org' })
        .optional(),
    ),
    DIRECT_LINE_SECRET: optionalText,
    // Exactly on or off: a value such as "no" or "false" must not leave the page on by accident.
    FAMILY_PAGE: z
      .enum(['on', 'off', ''], {
        message: 'must be on or off (off: no family web page; families answer in Teams with their code)',
      })
      .optional()
      .transform((v) => v !== 'off'),
    DIRECT_LINE_ENDPOINT: optionalText.pipe(
      z
        .url({
          protocol: /^https?$/,
          message: 'must be the Direct Line base URL, e.g. https://europe.directline.botframework.com',
        })
        .optional(),
    ),
    BOT_TODAY: optionalText.refine((v) => v === undefined || isRealIsoDate(v), {
      message: 'must be a real date written YYYY-MM-DD',
    }),
    // Demos and tests at a given hour (quiet hours, reminders): the clock starts there and runs on.
    BOT_NOW: optionalText.refine((v) => v === undefined || isRealIsoDateTime(v), {
      message:
        'must be an ISO date-time with its zone, e.g. 2026-12-10T10:00:00Z or 2026-12-10T10:00:00+00:00 (fixes the clock for demos and tests: it starts at that instant and runs on; unset, the real time)',
    }),
    DEV_ROLES: optionalText
      .transform((v) =>
        v
          ? v
              .split(',')
              .map((s) => s.trim().toLowerCase())
              .filter(Boolean)
          : [],
      )
      .pipe(z.array(z.enum(STAFF_ROLES, { message: `roles must be among ${STAFF_ROLES.join(', ')}` }))),
    DEMO_DATA: z
      .enum(['true', 'false', ''])
      .optional()
      .transform((v) => v !== 'false'),
    INVITATION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(60),
    DIGEST_TRIGGER_SECRET: optionalText.refine((v) => v === undefined || v.length >= 16, {
      message: 'must be at least 16 characters',
    }),
    DIGEST_SENDS_PER_SECOND: z.coerce
      .number()
      .min(0.1, 'must be more than 0')
      .max(100, 'must be at most 100 (Teams allows far fewer)')
      .default(20),
    DIGEST_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
    TEAMS_APP_ID: optionalText.refine((v) => v === undefined || guid.test(v), {
      message: 'must be a GUID (the Teams app id in the manifest)',
    }),
    FAMILY_HELP_TEXT: optionalText.refine((v) => v === undefined || (v.length >= 20 && v.length <= 600), {
      message: 'must be 20 to 600 characters: who a family can contact for help now, in your area',
    }),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TRUSTED_PROXY_HOPS: z.coerce.number().int('must be a whole number').min(0).max(5, 'must be at most 5').default(0),
    APPLICATIONINSIGHTS_CONNECTION_STRING: optionalText.refine((v) => v === undefined || isAppInsightsConnection(v), {
      message:
        "must be the Application Insights resource's connection string, InstrumentationKey=<GUID>;IngestionEndpoint=https://…",
    }),
    // The privacy notice and terms (a copy of seeds/legal.json with the area's own words and contact).
    LEGAL_TEXT_FILE: optionalText,
    // GOV.UK Notify (texts and emails to families). The key's text is never repeated in a message.
    NOTIFY_API_KEY: optionalText.refine((v) => v === undefined || NOTIFY_KEY.test(v), {
      message:
        'must be a GOV.UK Notify API key as Notify shows it: <key name>-<service id>-<secret id> (two GUIDs at the end)',
    }),
    NOTIFY_BASE_URL: optionalText.pipe(
      z
        .url({ protocol: /^https?$/, message: "must be Notify's API base URL (only set to point at a local fake)" })
        .optional(),
    ),
    NOTIFY_TEMPLATE_INVITE_SMS: notifyTemplate,
    NOTIFY_TEMPLATE_INVITE_EMAIL: notifyTemplate,
    NOTIFY_TEMPLATE_REMINDER_SMS: notifyTemplate,
    NOTIFY_TEMPLATE_REMINDER_EMAIL: notifyTemplate,
    CONTACT_ENCRYPTION_KEY: optionalText.refine((v) => v === undefined || isBase64Key(v), {
      message: 'must be 32 random bytes written in base64 (e.g. the output of: openssl rand -base64 32)',
    }),
    // The bearer token GOV.UK Notify presents with delivery receipts (set on the service's callback in Notify).
    NOTIFY_CALLBACK_TOKEN: optionalText.refine(
      (v) => v === undefined || (v.length >= 16 && v.length <= 200 && !/\s/.test(v)),
      {
        message:
          'must be 16 to 200 characters without spaces: the bearer token you give GOV.UK Notify for its delivery receipt callback (e.g. the output of: openssl rand -hex 24)',
      },
    ),
    // Days after the invitation on which a family is reminded (at most two); `none` for no reminders.
    REMINDER_DAYS: optionalText.superRefine((v, ctx) => {
      const problem = v === undefined ? undefined : reminderDaysProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  })
  .superRefine((env, ctx) => {
    if (env.STORAGE_CONNECTION_STRING && env.STORAGE_ACCOUNT_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['STORAGE_ACCOUNT_URL'],
        message:
          'and STORAGE_CONNECTION_STRING are both set: set only one (STORAGE_ACCOUNT_URL to reach storage with a managed identity, or STORAGE_CONNECTION_STRING with a key)',
      });
    }
    // A client id nothing reads means the operator expected an identity to be used where it will not be.
    if (env.AZURE_CLIENT_ID && !env.STORAGE_ACCOUNT_URL && env.MicrosoftAppType !== 'UserAssignedMSI') {
      ctx.addIssue({
        code: 'custom',
        path: ['AZURE_CLIENT_ID'],
        message:
          'is set but neither STORAGE_ACCOUNT_URL nor MicrosoftAppType=UserAssignedMSI is, so no managed identity would use it: set STORAGE_ACCOUNT_URL to reach storage with it, or remove AZURE_CLIENT_ID',
      });
    }
    if (env.MicrosoftAppId && !env.MicrosoftAppType) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppType'],
        message: 'is required when MicrosoftAppId is set (SingleTenant or UserAssignedMSI)',
      });
    }
    if (env.MicrosoftAppType === 'SingleTenant' && !env.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'is required for a SingleTenant bot' });
    }
    if (env.MicrosoftAppType === 'SingleTenant' && !env.MicrosoftAppPassword) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'is required for a SingleTenant bot' });
    }
    if (env.MicrosoftAppType && !env.MicrosoftAppId) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppId'],
        message: `is required when MicrosoftAppType is ${env.MicrosoftAppType}`,
      });
    }
    if (env.MicrosoftAppType === 'UserAssignedMSI' && !env.MicrosoftAppTenantId) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppTenantId'],
        message: 'is required for a UserAssignedMSI bot',
      });
    }
    if (env.MicrosoftAppType === 'UserAssignedMSI' && env.MicrosoftAppPassword) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppPassword'],
        message:
          'must not be set for a UserAssignedMSI bot: it signs in with its managed identity, so the password would be unused yet stored; remove it (or use SingleTenant if the bot signs in with a client secret)',
      });
    }
    // Credentials without an app id would start an unauthenticated bot: someone meant to deploy and left one out.
    if (!env.MicrosoftAppId) {
      const halfSet = {
        MicrosoftAppPassword: Boolean(env.MicrosoftAppPassword),
        MicrosoftAppTenantId: Boolean(env.MicrosoftAppTenantId),
        ALLOWED_TENANTS: env.ALLOWED_TENANTS.length > 0,
        // Azure's Direct Line only reaches an authenticated bot; locally the embedded one is used.
        DIRECT_LINE_SECRET: Boolean(env.DIRECT_LINE_SECRET),
      };
      for (const [name, set] of Object.entries(halfSet)) {
        if (set)
          ctx.addIssue({
            code: 'custom',
            path: [name],
            message: `is set but MicrosoftAppId is not, so the bot would start unauthenticated: set MicrosoftAppId (and MicrosoftAppType) to deploy, or remove ${name} to run locally`,
          });
      }
    }
    if (env.MicrosoftAppId && !env.PUBLIC_BASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['PUBLIC_BASE_URL'],
        message:
          'is required for a deployed bot: the https address it is reached at, e.g. https://outcomes.example.org (family links and the pictures on cards are built from it; without it they point at localhost)',
      });
    } else if (env.MicrosoftAppId && env.PUBLIC_BASE_URL && /^http:/i.test(env.PUBLIC_BASE_URL)) {
      ctx.addIssue({
        code: 'custom',
        path: ['PUBLIC_BASE_URL'],
        message:
          'must be https for a deployed bot (family links carry a survey code), e.g. https://outcomes.example.org',
      });
    }
    // Without the secret the page would open and then refuse every family's message.
    if (env.MicrosoftAppId && env.FAMILY_PAGE && !env.DIRECT_LINE_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['DIRECT_LINE_SECRET'],
        message:
          "is required for a deployed bot while the family page is on: the secret of the bot's Direct Line channel in Azure; or set FAMILY_PAGE=off to have families answer in Teams with their code",
      });
    }
    // Each area's contacts differ: a deployed bot must say its own, never a default a family cannot use.
    if (env.MicrosoftAppId && !env.FAMILY_HELP_TEXT) {
      ctx.addIssue({
        code: 'custom',
        path: ['FAMILY_HELP_TEXT'],
        message:
          "is required for a deployed bot: what families are told to do if they need help now (your area's contacts), shown before they write",
      });
    }
    clockProblems(env, ctx);
    notifyProblems(env, ctx);
    // A multi-tenant app would serve every organisation in the world: only with a list of the allowed ones.
    if (env.MicrosoftAppType === 'MultiTenant' && env.ALLOWED_TENANTS.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['ALLOWED_TENANTS'],
        message:
          'is required for a MultiTenant bot (the tenant ids allowed to use it); new bots should be SingleTenant or UserAssignedMSI',
      });
    }
  });

/** BOT_NOW fixes the date too: BOT_TODAY beside it is accepted only when it names the same (UTC) day. */
function clockProblems(env: { BOT_TODAY?: string; BOT_NOW?: string }, ctx: z.RefinementCtx): void {
  if (!env.BOT_NOW || !env.BOT_TODAY || !isRealIsoDateTime(env.BOT_NOW)) return;
  const day = new Date(env.BOT_NOW).toISOString().slice(0, 10);
  if (day !== env.BOT_TODAY)
    ctx.addIssue({
      code: 'custom',
      path: ['BOT_TODAY'],
      message: `is ${env.BOT_TODAY} but BOT_NOW (${env.BOT_NOW}) is on ${day} (UTC): set only BOT_NOW, which fixes the date and the time of day, or make the two agree`,
    });
}

/**
 * Notify is all or nothing: a key needs its invitation templates and the contact key (fail closed: never send
 * and then keep a family's number in the clear); settings without the key mean someone expected sending.
 */
function notifyProblems(
  env: {
    NOTIFY_API_KEY?: string;
    NOTIFY_BASE_URL?: string;
    NOTIFY_TEMPLATE_INVITE_SMS?: string;
    NOTIFY_TEMPLATE_INVITE_EMAIL?: string;
    NOTIFY_TEMPLATE_REMINDER_SMS?: string;
    NOTIFY_TEMPLATE_REMINDER_EMAIL?: string;
    CONTACT_ENCRYPTION_KEY?: string;
    REMINDER_DAYS?: string;
    NOTIFY_CALLBACK_TOKEN?: string;
    INVITATION_TTL_DAYS: number;
    MicrosoftAppId?: string;
  },
  ctx: z.RefinementCtx,
): void {
  const dependent = [
    'NOTIFY_BASE_URL',
    'NOTIFY_TEMPLATE_INVITE_SMS',
    'NOTIFY_TEMPLATE_INVITE_EMAIL',
    'NOTIFY_TEMPLATE_REMINDER_SMS',
    'NOTIFY_TEMPLATE_REMINDER_EMAIL',
    'CONTACT_ENCRYPTION_KEY',
    'REMINDER_DAYS',
    'NOTIFY_CALLBACK_TOKEN',
  ] as const;
  if (!env.NOTIFY_API_KEY) {
    for (const name of dependent)
      if (env[name])
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: `is set but NOTIFY_API_KEY is not, so nothing would be sent: set NOTIFY_API_KEY to send invitations through GOV.UK Notify, or remove ${name}`,
        });
    return;
  }
  for (const name of ['NOTIFY_TEMPLATE_INVITE_SMS', 'NOTIFY_TEMPLATE_INVITE_EMAIL'] as const)
    if (!env[name])
      ctx.addIssue({
        code: 'custom',
        path: [name],
        message: 'is required when NOTIFY_API_KEY is set: the id of the Notify template the invitation is sent with',
      });
  if (!env.CONTACT_ENCRYPTION_KEY)
    ctx.addIssue({
      code: 'custom',
      path: ['CONTACT_ENCRYPTION_KEY'],
      message:
        "is required when NOTIFY_API_KEY is set: 32 random bytes in base64 that encrypt families' phone numbers and emails at rest",
    });
  reminderProblems(env, ctx);
  if (env.MicrosoftAppId && env.NOTIFY_BASE_URL && !/^https:/i.test(env.NOTIFY_BASE_URL))
    ctx.addIssue({
      code: 'custom',
      path: ['NOTIFY_BASE_URL'],
      message:
        'must be https for a deployed bot (the API key signs every request); leave it unset for GOV.UK Notify itself',
    });
}

/**
 * Reminders go with both reminder templates or not at all (a family reached by text and one by email are treated
 * alike), and REMINDER_DAYS without them would promise reminders nobody sends. A reminder day on or after the
 * invitation's expiry could never be sent.
 */
function reminderProblems(
  env: {
    NOTIFY_TEMPLATE_REMINDER_SMS?: string;
    NOTIFY_TEMPLATE_REMINDER_EMAIL?: string;
    REMINDER_DAYS?: string;
    INVITATION_TTL_DAYS: number;
  },
  ctx: z.RefinementCtx,
): void {
  const sms = Boolean(env.NOTIFY_TEMPLATE_REMINDER_SMS);
  const email = Boolean(env.NOTIFY_TEMPLATE_REMINDER_EMAIL);
  if (sms !== email)
    ctx.addIssue({
      code: 'custom',
      path: [sms ? 'NOTIFY_TEMPLATE_REMINDER_EMAIL' : 'NOTIFY_TEMPLATE_REMINDER_SMS'],
      message: `is required when ${sms ? 'NOTIFY_TEMPLATE_REMINDER_SMS' : 'NOTIFY_TEMPLATE_REMINDER_EMAIL'} is set: reminders go by text and by email, or not at all (leave both unset to send no reminders)`,
    });
  const days =
    env.REMINDER_DAYS === undefined || reminderDaysProblem(env.REMINDER_DAYS) ? [] : reminderDays(env.REMINDER_DAYS);
  if (env.REMINDER_DAYS !== undefined && days.length > 0 && !sms && !email)
    ctx.addIssue({
      code: 'custom',
      path: ['REMINDER_DAYS'],
      message:
        'is set but NOTIFY_TEMPLATE_REMINDER_SMS and NOTIFY_TEMPLATE_REMINDER_EMAIL are not, so no reminder would be sent: set both reminder templates, or remove REMINDER_DAYS',
    });
  const late = days.find((d) => d >= env.INVITATION_TTL_DAYS);
  if (late !== undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['REMINDER_DAYS'],
      message: `has day ${late}, but an invitation expires after ${env.INVITATION_TTL_DAYS} days (INVITATION_TTL_DAYS), so that reminder could never be sent`,
    });
}

/** Every variable the bot reads (infra/azure.bicep is checked against it: nothing set that nothing reads). */
export const SETTING_NAMES: readonly string[] = Object.keys(envSchema.shape);

/** Locally only (a deployed bot must set FAMILY_HELP_TEXT): national contacts that are right anywhere in England. */
export const DEFAULT_FAMILY_HELP_TEXT =
  'If anyone is in danger right now, call 999. Children and young people can talk to Childline, free, on 0800 1111.';

export type Config = {
  port: number;
  storage:
    | { kind: 'embedded'; dataDir: string }
    | { kind: 'connectionString'; connectionString: string }
    /** Reached with DefaultAzureCredential; `managedIdentityClientId` picks a user-assigned identity. */
    | { kind: 'accountUrl'; accountUrl: string; managedIdentityClientId?: string };
  bot: { appType?: string; appId?: string; appPassword?: string; tenantId?: string; authenticated: boolean };
  /** Tenants whose Teams users may use the bot; empty only when running locally, unauthenticated. */
  allowedTenants: string[];
  /** Where the server listens: every interface only with credentials; unauthenticated, loopback only. */
  listenHost: string;
  /** How many reverse proxies in front of the bot to trust for the client's address (X-Forwarded-For). */
  trustedProxyHops: number;
  publicBaseUrl: string;
  directLineSecret?: string;
  directLineEndpoint: string;
  /** Whether the family web page (/survey/<code>) and its Direct Line token exchange are served. */
  familyPage: boolean;
  botToday?: string;
  /** BOT_NOW: the instant the clock starts at (ISO, with its zone); it runs on from there. */
  botNow?: string;
  devRoles: StaffRole[];
  loadDemoData: boolean;
  invitationTtlDays: number;
  digestTriggerSecret?: string;
  digestSendsPerSecond: number;
  /** How long a digest send may take before another instance treats its sender as stopped. */
  digestLeaseSeconds: number;
  teamsAppId?: string;
  /** What families are told to do if they need help now, shown before they write in their own words. */
  familyHelpText: string;
  logLevel: string;
  /** Where requests, Table calls and exceptions are sent (scrubbed of personal data); unset, nothing is. */
  applicationInsightsConnectionString?: string;
  /** The privacy notice and terms served at /privacy and /terms, read and checked at start-up. */
  legal: { file: string; text: LegalText };
  /** GOV.UK Notify, when set up: invitations are then sent by text or email, and contacts sealed with `contactKey`. */
  notify?: NotifyConfig;
};

export type NotifyConfig = {
  apiKey: string;
  baseUrl?: string;
  templates: { inviteSms: string; inviteEmail: string; reminderSms?: string; reminderEmail?: string };
  /** 32 bytes: AES-256-GCM for phone numbers and emails at rest. */
  contactKey: Buffer;
  /** Set with both reminder templates and at least one reminder day: reminders are off otherwise. */
  reminders?: { days: number[]; sms: string; email: string };
  /** NOTIFY_CALLBACK_TOKEN: delivery receipts are taken at POST /api/notify/receipts only with it. */
  callbackToken?: string;
};

export class ConfigError extends Error {}

/**
 * App Service passes a Key Vault reference it could not resolve (no access, a wrong name) through as its own
 * text: such a value would pass as a secret and then fail every family, so it stops the start instead.
 */
function unresolvedKeyVaultReferences(env: NodeJS.ProcessEnv): string[] {
  return SETTING_NAMES.filter((name) => /^\s*@Microsoft\.KeyVault\(/i.test(env[name] ?? '')).map(
    (name) =>
      `  ${name}: is a Key Vault reference App Service could not resolve (check the secret's name and that the bot's identity has "Key Vault Secrets User" on the vault)`,
  );
}

/** The seed's own example wording: right for a newcomer's local bot, wrong on a deployed one. */
function namesTheExample(text: LegalText): boolean {
  return /\bexample\b/i.test(text.organisation) || /@example\.(org|com)$/i.test(text.contact.email);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const unresolved = unresolvedKeyVaultReferences(env);
  if (unresolved.length > 0) throw new ConfigError(`Configuration is invalid:\n${unresolved.join('\n')}`);
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(environment)'}: ${i.message}`);
    throw new ConfigError(`Configuration is invalid:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const legalFile = path.resolve(e.LEGAL_TEXT_FILE ?? fromRoot('seeds', 'legal.json'));
  let legalText: LegalText;
  try {
    legalText = loadLegalText(legalFile);
  } catch (error) {
    throw new ConfigError(`Configuration is invalid:\n  LEGAL_TEXT_FILE: ${(error as Error).message}`);
  }
  const authenticated = Boolean(e.MicrosoftAppId);
  if (authenticated && namesTheExample(legalText))
    throw new ConfigError(
      `Configuration is invalid:\n  LEGAL_TEXT_FILE: is required for a deployed bot: the privacy notice and terms would name the example organisation and contact (${legalText.organisation}, ${legalText.contact.email}); copy seeds/legal.json, put in your organisation and contact, and name the copy here`,
    );
  const embedded = !e.STORAGE_CONNECTION_STRING && !e.STORAGE_ACCOUNT_URL;
  return {
    port: e.PORT,
    storage: e.STORAGE_CONNECTION_STRING
      ? { kind: 'connectionString', connectionString: e.STORAGE_CONNECTION_STRING }
      : e.STORAGE_ACCOUNT_URL
        ? {
            kind: 'accountUrl',
            accountUrl: e.STORAGE_ACCOUNT_URL.replace(/\/+$/, ''),
            // A UserAssignedMSI bot's identity is the one deployed beside it (as the Agents Toolkit templates do).
            managedIdentityClientId:
              e.AZURE_CLIENT_ID ?? (e.MicrosoftAppType === 'UserAssignedMSI' ? e.MicrosoftAppId : undefined),
          }
        : { kind: 'embedded', dataDir: path.resolve(e.DATA_DIR ?? fromRoot('.data')) },
    bot: {
      appType: e.MicrosoftAppType,
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      tenantId: e.MicrosoftAppTenantId,
      authenticated,
    },
    // With credentials and no list, only the bot's own tenant (validation above guarantees one exists).
    allowedTenants:
      e.ALLOWED_TENANTS.length > 0
        ? e.ALLOWED_TENANTS
        : authenticated && e.MicrosoftAppTenantId
          ? [e.MicrosoftAppTenantId]
          : [],
    listenHost: authenticated ? '0.0.0.0' : '127.0.0.1',
    trustedProxyHops: e.TRUSTED_PROXY_HOPS,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    directLineSecret: e.DIRECT_LINE_SECRET,
    directLineEndpoint: (e.DIRECT_LINE_ENDPOINT ?? 'https://directline.botframework.com').replace(/\/+$/, ''),
    familyPage: e.FAMILY_PAGE,
    botToday: e.BOT_TODAY,
    botNow: e.BOT_NOW,
    // DEV_ROLES is a local-demo convenience: with real credentials it would open every door, so it is dropped.
    devRoles: authenticated ? [] : e.DEV_ROLES,
    // Synthetic demo data is for a newcomer's local bot: never with credentials or a real storage account.
    loadDemoData: e.DEMO_DATA && !authenticated && embedded,
    invitationTtlDays: e.INVITATION_TTL_DAYS,
    digestTriggerSecret: e.DIGEST_TRIGGER_SECRET,
    digestSendsPerSecond: e.DIGEST_SENDS_PER_SECOND,
    digestLeaseSeconds: e.DIGEST_LEASE_SECONDS,
    teamsAppId: e.TEAMS_APP_ID,
    logLevel: e.LOG_LEVEL,
    familyHelpText: e.FAMILY_HELP_TEXT ?? DEFAULT_FAMILY_HELP_TEXT,
    applicationInsightsConnectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING,
    legal: { file: legalFile, text: legalText },
    ...(e.NOTIFY_API_KEY && e.NOTIFY_TEMPLATE_INVITE_SMS && e.NOTIFY_TEMPLATE_INVITE_EMAIL && e.CONTACT_ENCRYPTION_KEY
      ? {
          notify: {
            apiKey: e.NOTIFY_API_KEY,
            ...(e.NOTIFY_BASE_URL ? { baseUrl: e.NOTIFY_BASE_URL.replace(/\/+$/, '') } : {}),
            templates: {
              inviteSms: e.NOTIFY_TEMPLATE_INVITE_SMS,
              inviteEmail: e.NOTIFY_TEMPLATE_INVITE_EMAIL,
              reminderSms: e.NOTIFY_TEMPLATE_REMINDER_SMS,
              reminderEmail: e.NOTIFY_TEMPLATE_REMINDER_EMAIL,
            },
            contactKey: Buffer.from(e.CONTACT_ENCRYPTION_KEY, 'base64'),
            ...(e.NOTIFY_CALLBACK_TOKEN ? { callbackToken: e.NOTIFY_CALLBACK_TOKEN } : {}),
            ...(e.NOTIFY_TEMPLATE_REMINDER_SMS &&
            e.NOTIFY_TEMPLATE_REMINDER_EMAIL &&
            reminderDays(e.REMINDER_DAYS).length > 0
              ? {
                  reminders: {
                    days: reminderDays(e.REMINDER_DAYS),
                    sms: e.NOTIFY_TEMPLATE_REMINDER_SMS,
                    email: e.NOTIFY_TEMPLATE_REMINDER_EMAIL,
                  },
                }
              : {}),
          },
        }
      : {}),
  };
}

/**
 * What `npm run package` needs, and only that: the ids and the public address that go into the manifest. The
 * bot's other settings (FAMILY_HELP_TEXT, secrets) are not asked for, since the package does not use them.
 */
export function loadPackageSettings(env: NodeJS.ProcessEnv = process.env): {
  appId?: string;
  teamsAppId?: string;
  publicBaseUrl: string;
} {
  const parsed = z
    .object(envSchema.shape)
    .pick({ PORT: true, MicrosoftAppId: true, TEAMS_APP_ID: true, PUBLIC_BASE_URL: true })
    .superRefine((e, ctx) => {
      // A real package's links (privacy, terms, the family page) are the bot's own https address.
      if (e.MicrosoftAppId && !e.PUBLIC_BASE_URL)
        ctx.addIssue({
          code: 'custom',
          path: ['PUBLIC_BASE_URL'],
          message: 'is required for a real package: the https address the bot is reached at',
        });
      else if (e.MicrosoftAppId && e.PUBLIC_BASE_URL && !/^https:/i.test(e.PUBLIC_BASE_URL))
        ctx.addIssue({ code: 'custom', path: ['PUBLIC_BASE_URL'], message: 'must be https for a real package' });
    })
    .safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(environment)'}: ${i.message}`);
    throw new ConfigError(`Configuration is invalid:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    appId: e.MicrosoftAppId,
    teamsAppId: e.TEAMS_APP_ID ?? e.MicrosoftAppId,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
  };
}

/** What start-up logs: every setting, secrets replaced by whether they are set. */
export function redactedSummary(config: Config, env: NodeJS.ProcessEnv = process.env): Record<string, unknown> {
  return {
    port: config.port,
    storage: storageSummary(config.storage),
    bot: {
      appType: config.bot.appType ?? 'none (local, unauthenticated)',
      appId: config.bot.appId ?? 'none',
      appPassword: config.bot.appPassword ? '[set]' : '[not set]',
      tenantId: config.bot.tenantId ?? 'none',
    },
    allowedTenants: config.allowedTenants.length
      ? config.allowedTenants
      : 'any (local, unauthenticated, loopback only)',
    listenHost: config.listenHost,
    trustedProxyHops: config.trustedProxyHops,
    publicBaseUrl: config.publicBaseUrl,
    directLineSecret: config.directLineSecret ? '[set]' : '[not set: local Direct Line]',
    familyPage: config.familyPage ? 'on' : 'off: families answer in Teams with their code',
    botToday: config.botNow ? 'from BOT_NOW' : (config.botToday ?? 'real date'),
    botNow: config.botNow ? `${config.botNow}, running on` : 'real time',
    devRoles: config.devRoles.length
      ? config.devRoles
      : env.DEV_ROLES && config.bot.authenticated
        ? 'ignored: the bot is authenticated'
        : 'none',
    loadDemoData: config.loadDemoData
      ? true
      : env.DEMO_DATA !== 'false'
        ? 'no: only when local, unauthenticated and on the embedded store'
        : false,
    invitationTtlDays: config.invitationTtlDays,
    digestTriggerSecret: config.digestTriggerSecret ? '[set]' : '[not set]',
    telemetry: config.applicationInsightsConnectionString ? '[set: Azure Monitor]' : '[not set: nothing is sent]',
    notify: config.notify
      ? {
          apiKey: '[set]',
          baseUrl: config.notify.baseUrl ?? 'GOV.UK Notify',
          contactKey: '[set]',
          reminders: config.notify.reminders
            ? `days ${config.notify.reminders.days.join(' and ')} after the invitation, 09:00-19:00 Monday to Friday (Europe/London)`
            : 'off (set NOTIFY_TEMPLATE_REMINDER_SMS and NOTIFY_TEMPLATE_REMINDER_EMAIL to send them)',
          deliveryReceipts: config.notify.callbackToken
            ? '[token set: POST /api/notify/receipts]'
            : 'off: no receipts route (set NOTIFY_CALLBACK_TOKEN)',
        }
      : '[not set: invitations are shown to pass on, nothing is sent]',
  };
}

function storageSummary(storage: Config['storage']): Record<string, string> {
  switch (storage.kind) {
    case 'embedded':
      return { kind: 'embedded Azurite', dataDir: storage.dataDir };
    case 'connectionString':
      return { kind: 'connection string', account: accountOf(storage.connectionString) };
    case 'accountUrl':
      return {
        kind: 'account URL + managed identity',
        accountUrl: storage.accountUrl,
        managedIdentityClientId: storage.managedIdentityClientId ?? 'none: DefaultAzureCredential chooses',
      };
  }
}

/** https only: the exporter turns an http:// endpoint into https:// anyway, so http could only mislead. */
function isAppInsightsConnection(value: string): boolean {
  const parts = new Map(
    value.split(';').map((p) => [p.slice(0, p.indexOf('=')).trim().toLowerCase(), p.slice(p.indexOf('=') + 1).trim()]),
  );
  const endpoint = parts.get('ingestionendpoint') ?? '';
  return (
    guid.test(parts.get('instrumentationkey') ?? '') &&
    URL.canParse(endpoint) &&
    new URL(endpoint).protocol === 'https:'
  );
}

function accountOf(connectionString: string): string {
  const name = /AccountName=([^;]+)/i.exec(connectionString)?.[1];
  const endpoint = /TableEndpoint=([^;]+)/i.exec(connectionString)?.[1];
  return name ?? endpoint ?? 'development storage';
}

/** The environment for a child process we start (the Playground): ours plus the given settings. */
export function childEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
