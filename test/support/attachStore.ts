import { startOrAttachAzurite } from '../../src/storage/sharedAzurite.js';

/**
 * A tiny process for start-up races: opens the embedded store under argv[2] as the bot would, prints
 * which Azurite it got, and stops it cleanly when its stdin closes.
 */
const store = await startOrAttachAzurite(process.argv[2]!);
console.log(
  JSON.stringify({ ready: true, pid: process.pid, port: store.port, azuritePid: store.pid, attached: store.attached }),
);
process.stdin.resume();
process.stdin.on('end', () => {
  void store.stop().then((result) => {
    console.log(JSON.stringify({ stopped: result }));
    process.exit(0);
  });
});
