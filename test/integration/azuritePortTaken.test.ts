import { createServer, type Server } from 'node:net';
import { expect } from 'chai';
import getPort from 'get-port';
import { TableClient } from '@azure/data-tables';
import { startEmbeddedAzurite, type EmbeddedAzurite } from '../../src/storage/embeddedAzurite.js';

/**
 * A free port chosen for Azurite can be taken by another process before Azurite listens on it (seen in a full test
 * run: "listen EADDRINUSE"). With no port given, another is chosen and Azurite started again; a port given is
 * never swapped for another.
 */
describe('embedded Azurite when its chosen port is taken first (real Azurite)', function () {
  this.timeout(60_000);
  let squatter: Server;
  let taken: number;
  let azurite: EmbeddedAzurite | undefined;

  before(async () => {
    taken = await getPort({ host: '127.0.0.1' });
    squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(taken, '127.0.0.1', resolve));
  });
  after(async () => {
    await azurite?.stop();
    await new Promise((resolve) => squatter.close(resolve));
  });

  it('chooses another port and starts, serving tables there', async () => {
    const offered: number[] = [];
    azurite = await startEmbeddedAzurite({
      choosePort: async () => {
        const port = offered.length === 0 ? taken : await getPort({ host: '127.0.0.1' });
        offered.push(port);
        return port;
      },
    });
    expect(offered[0]).to.equal(taken);
    expect(offered).to.have.length(2);
    expect(azurite.port).to.equal(offered[1]);
    const table = TableClient.fromConnectionString(azurite.connectionString, 'porttaken', {
      allowInsecureConnection: true,
    });
    await table.createTable();
    await table.upsertEntity({ partitionKey: 'p', rowKey: 'r', n: 1 });
    expect((await table.getEntity('p', 'r')).n).to.equal(1);
  });

  it('refuses to start on a port it was given that is taken, saying so', async () => {
    let error: unknown;
    try {
      await startEmbeddedAzurite({ port: taken });
    } catch (e) {
      error = e;
    }
    expect(String(error)).to.match(/EADDRINUSE/);
  });
});
