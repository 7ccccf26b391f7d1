import { noSecretStore, type SecretStore } from '../../src-main/adapters/secrets/secret-store.port';
import { aCore, value } from '../fixtures/core';
import { aFloor, packedOrders } from '../fixtures/fulfillment';

/** noSecretStore that counts how often a worker asks whether it may read credentials. */
function countingNoKeychain(): SecretStore & { asked: number } {
  const inner = noSecretStore('test host');
  const store = {
    asked: 0,
    status: () => {
      store.asked++;
      return inner.status();
    },
    encrypt: inner.encrypt,
    decrypt: inner.decrypt,
  };
  return store;
}

describe('background work on a host without a keychain (packdesk serve)', () => {
  test('a due tracking push leaves the workers idle instead of waking them again and again', async () => {
    const secrets = countingNoKeychain();
    const core = aCore({ sync: { secrets } });
    try {
      await aFloor(core);
      const [id] = await packedOrders(core, [[['MUG', 1]]]);
      await value(
        core.call('shipping.confirm', { orderIds: [id], carrier: 'ZTO', trackingNumber: '73123456789012' }),
      );
      core.startBackgroundWork();
      await new Promise((r) => setTimeout(r, 400));
      const asked = secrets.asked;
      await new Promise((r) => setTimeout(r, 400));
      // A spinning worker asks thousands of times; an idle one at most once per kick or poll.
      expect(secrets.asked - asked).toBeLessThan(5);
      expect(core.outbox.running).toBe(true);
    } finally {
      core.dispose();
    }
  });
});
