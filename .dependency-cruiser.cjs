/**
 * Layers point one way (checked by `npm run deps`, part of `npm test`; type-only imports count too):
 *
 *   domain      pure rules and data: imports nothing of ours outside domain
 *   ports       what the app needs from the outside (stores, sending) and the channel-neutral Turn
 *   app         the services: domain + ports, never storage, cards, presenters or handlers
 *   imports     CSV imports: app + ports + domain
 *   cards       card templates with typed data;   presenters: figures → card data and text
 *   handlers    one module per intent or card verb: app, presenters, cards, ports, domain
 *   storage     Table Storage behind the ports: ports + domain
 *   http, bot   the edges (bot is the only place botbuilder is imported)
 *   composition roots (index, composition, services, appServices, cli, demo) wire everything and nothing imports them
 */
const layer = (name, mayUse) => ({
  name: `${name}-points-down`,
  severity: 'error',
  comment: `${name} may use only: ${mayUse.join(', ')}`,
  from: { path: `^src/${name}/` },
  to: { path: '^src/', pathNot: [`^src/${name}/`, ...mayUse.map((l) => `^src/${l}/`)] },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes every file in it a dependency of every other.',
      from: {},
      to: { circular: true },
    },
    layer('domain', []),
    layer('ports', ['domain']),
    layer('config', ['domain']),
    layer('app', ['ports', 'domain']),
    layer('imports', ['app', 'ports', 'domain']),
    layer('cards', ['ports', 'domain']),
    layer('presenters', ['cards', 'ports', 'domain']),
    layer('handlers', ['app', 'presenters', 'cards', 'ports', 'domain']),
    layer('storage', ['ports', 'domain', 'config']),
    layer('http', ['app', 'ports', 'domain', 'config']),
    layer('bot', ['handlers', 'ports', 'domain', 'config']),
    layer('manifest', ['domain']),
    {
      name: 'nothing-imports-a-composition-root',
      severity: 'error',
      comment: 'index, composition, services, appServices, cli and demo wire the product; nothing depends on them.',
      from: { path: '^src/', pathNot: '^src/(index|composition|services|appServices)\\.ts$|^src/(cli|demo)/' },
      to: { path: '^src/(index|composition|services|appServices)\\.ts$|^src/(cli|demo)/' },
    },
    {
      name: 'botbuilder-only-in-the-channel-layer',
      severity: 'error',
      comment: 'The Bot Framework SDK is archived: keeping it in src/bot makes the move to its successor one folder.',
      from: { path: '^src/', pathNot: '^src/bot/' },
      to: { path: 'node_modules/(botbuilder|botframework-)' },
    },
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
