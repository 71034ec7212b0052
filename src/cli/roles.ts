import { STAFF_ROLES, type StaffRole } from '../domain/access/roles.js';
import { fail, lines, runCli, withServices, type CliIo } from './cliStorage.js';

const USAGE = `Manage staff roles (held in Table Storage by Teams / Entra user id).

  npm run roles -- list
  npm run roles -- add <user-id> <role> [role ...]
  npm run roles -- remove <user-id> [role ...]     (no roles: remove all)

Roles: ${STAFF_ROLES.join(', ')}. The user id is the person's Entra object id (a GUID), as Teams sends it.`;

export async function main(io: CliIo): Promise<number> {
  const { out } = lines(io);
  const [command, userId, ...rest] = io.argv;
  if (!command || command === 'help' || command === '--help') {
    out(USAGE);
    return 0;
  }
  const roles = rest.map((r) => r.toLowerCase());
  const unknown = roles.filter((r) => !(STAFF_ROLES as readonly string[]).includes(r));
  if (unknown.length) fail(io, `Unknown role(s): ${unknown.join(', ')}. Roles are: ${STAFF_ROLES.join(', ')}.`, 2);
  if ((command === 'add' || command === 'remove') && (!userId || userId.length > 200 || /[\u0000-\u001f]/.test(userId)))
    fail(io, `Give a user id.\n\n${USAGE}`, 2);
  if (command === 'add' && roles.length === 0) fail(io, 'Give at least one role to add.', 2);
  await withServices(io, async ({ stores: { roles: repo } }) => {
    switch (command) {
      case 'list': {
        const all = await repo.list();
        if (all.length === 0) out('No staff roles are set.');
        for (const entry of all) out(`${entry.userId}\t${entry.roles.join(', ')}`);
        return;
      }
      case 'add': {
        const next = [...new Set([...(await repo.rolesOf(userId)), ...(roles as StaffRole[])])];
        await repo.set(userId, next, 'cli');
        out(`${userId}: ${next.join(', ')}`);
        return;
      }
      case 'remove': {
        const next = roles.length ? (await repo.rolesOf(userId)).filter((r) => !roles.includes(r)) : [];
        await repo.set(userId, next, 'cli');
        out(`${userId}: ${next.length ? next.join(', ') : 'no roles'}`);
        return;
      }
      default:
        fail(io, `Unknown command "${command}".\n\n${USAGE}`, 2);
    }
  });
  return 0;
}

runCli(import.meta.url, main);
