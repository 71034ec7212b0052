/**
 * How the code is laid out, and which way it may point (checked by `npm run deps`, part of `npm test`;
 * type-only imports count too). A capability is one folder under src/features/<capability>/:
 *
 *   domain/          its pure rules and data (no I/O): imports only pure code
 *   storage/         its Table Storage repositories, behind its ports
 *   *Stores.ts       its ports: what its service needs from the outside
 *   *Service.ts …    its service: domain + ports, never storage, cards, presenters or routes
 *   *Presenter.ts    figures → card data and text;   *Route(s).ts: its intents and card verbs
 *
 * Shared, imported by features and never importing them:
 *   domain           pure rules and data used by several capabilities (dates, terms, disclosure, roles, the bank)
 *   understanding    the language core: normalising, matching, slots, the classifier
 *   ports            the channel-neutral Turn and what a reply is;   cards: card templates with typed data
 *   storage          the table store, the embedded Azurite, backups;   imports: CSV row reading
 *   config, telemetry, manifest
 * Edges: routing (the route table and the router), bot (the only place botbuilder is imported), http,
 *   jobs (the periodic work, declared, and its runner).
 * Seeds (src/seeds) read the seed files and the English model at the edge and hand the parsed data to pure
 *   code; only composition roots, cli, demo, tests and config (the deployment's legal text) load them.
 * Composition roots (index starts and stops; compositionRoot wires the bot on composeServices, which wires
 * storage and the services on serviceWiring's ports; cli, demo) wire everything; nothing imports them.
 */
const PURE = '^src/(domain|understanding)/|^src/features/[^/]+/domain/';
const PORTS = '^src/ports/|^src/features/[^/]+/[^/]+Stores\\.ts$';
const STORAGE = '^src/storage/|^src/features/[^/]+/storage/';
const SHARED = '^src/(domain|understanding|ports|cards|storage|imports|config|telemetry|manifest)/';
const ROOTS = '^src/(index|compositionRoot|composeServices|serviceWiring)\\.ts$|^src/(cli|demo)/';
const SERVICE = '^src/features/[^/]+/[^/]*(Service|Rebuild|Delivery|Inputs|Schedule|Pacer)\\.ts$';
const PRESENTER = '^src/features/[^/]+/[^/]*(Presenter|Cards)\\.ts$';
const HANDLER = '^src/features/[^/]+/[^/]*(Route|Routes|Replies|familySurvey|help|notHeld)\\.ts$';
const DISCLOSURE = '^src/domain/disclosure/|^src/features/[^/]+/domain/[^/]*[dD]isclos[^/]*\\.ts$';
const SEEDS = '^src/seeds/';

const rule = (name, comment, from, to) => ({ name, severity: 'error', comment, from, to });

module.exports = {
  forbidden: [
    rule('no-circular', 'A cycle makes every file in it a dependency of every other.', {}, { circular: true }),
    rule(
      'pure-stays-pure',
      'Domain and understanding code imports only other pure code.',
      { path: PURE },
      {
        path: '^src/',
        pathNot: PURE,
      },
    ),
    rule(
      'pure-does-no-io',
      'Pure code reads no files, paths, environment or network: seeds and models are loaded in src/seeds and passed in. ' +
        'node:crypto alone is allowed: hashing and HMAC are computations, and invitation codes need its CSPRNG.',
      { path: PURE },
      { dependencyTypes: ['core'], pathNot: '^(node:)?crypto$' },
    ),
    rule(
      'seeds-load-at-the-edge',
      'Only what wires the product (composition roots, cli, demo; config for the legal text) loads seed files.',
      { path: '^src/', pathNot: `${ROOTS}|${SEEDS}|^src/config/config\\.ts$` },
      { path: SEEDS },
    ),
    rule(
      'ports-point-down',
      'Ports name what is needed in domain terms.',
      { path: PORTS },
      {
        path: '^src/',
        pathNot: `${PURE}|${PORTS}`,
      },
    ),
    rule(
      'storage-points-down',
      'Repositories implement ports on the table store.',
      { path: STORAGE },
      {
        path: '^src/',
        pathNot: `${PURE}|${PORTS}|${STORAGE}|^src/config/`,
      },
    ),
    rule(
      'only-roots-open-storage',
      'Services get stores as ports; only composition roots build repositories.',
      {
        path: '^src/',
        pathNot: `${STORAGE}|${ROOTS}`,
      },
      { path: STORAGE },
    ),
    rule(
      'services-know-no-cards',
      'A service returns figures; presenting and routing them is not its job.',
      {
        path: SERVICE,
      },
      { path: `${PRESENTER}|${HANDLER}|^src/(cards|routing|bot|http)/` },
    ),
    rule(
      'presenters-only-present',
      'A presenter turns figures into card data and text; it fetches nothing.',
      {
        path: PRESENTER,
      },
      { path: `${SERVICE}|${HANDLER}|^src/(routing|bot|http)/` },
    ),
    rule(
      'presenters-show-only-disclosed-figures',
      'Services hand presenters figures that already passed disclosure control; a presenter may name the Disclosed shape (type-only) but never decides what is shown.',
      { path: PRESENTER },
      { path: DISCLOSURE, dependencyTypesNot: ['type-only'] },
    ),
    rule(
      'shared-knows-no-feature',
      'Shared building blocks are used by capabilities, never the other way.',
      {
        path: SHARED,
      },
      { path: '^src/features/' },
    ),
    rule(
      'features-know-no-edges',
      'A capability is reached through the route table; it does not reach back.',
      {
        path: '^src/features/',
      },
      { path: '^src/(bot|http)/|^src/routing/routes\\.ts$' },
    ),
    rule(
      'nothing-imports-a-composition-root',
      'Composition roots wire the product; nothing depends on them.',
      {
        path: '^src/',
        pathNot: ROOTS,
      },
      { path: ROOTS },
    ),
    rule(
      'botbuilder-only-in-the-channel-layer',
      'The Bot Framework SDK is archived: keeping it in src/bot makes the move to its successor one folder.',
      { path: '^src/', pathNot: '^src/bot/' },
      { path: 'node_modules/(botbuilder|botframework-)' },
    ),
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/http/public' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js'],
    },
  },
};
