import { plainTextRefusal } from '../../src-main/adapters/secrets/secret-store.port';
import { aCore, value } from '../fixtures/core';
import { createI18n } from '../../src-renderer/i18n/i18n';
import { keychainReasonText } from '../../src-renderer/features/channels-sync/keychain-reason-text';

const zh = createI18n('zh-CN').t;
const en = createI18n('en').t;

describe('why credentials cannot be stored, in the UI language', () => {
  it('says the command line / packdesk serve refusal the core gives in sync.status', async () => {
    const core = aCore();
    try {
      const { secretStore } = await value(core.call('sync.status', {}));
      expect(secretStore.available).toBe(false);
      expect(keychainReasonText(zh, secretStore.reason)).toBe(
        '此处运行的 Packdesk（命令行或 packdesk serve）无法使用操作系统的钥匙串，因此不能在这里加密保存店铺凭据。请在 Packdesk 桌面应用中填写；已在桌面应用中连接的渠道会继续由它同步。',
      );
      expect(keychainReasonText(en, secretStore.reason)).toBe(secretStore.reason);
    } finally {
      core.dispose();
    }
  });

  it("says the desktop's plain-text and no-encryption refusals; an unknown reason as written", () => {
    expect(keychainReasonText(zh, plainTextRefusal('basic_text'))).toMatch(/^此 Linux 桌面没有运行密钥环/);
    expect(keychainReasonText(zh, plainTextRefusal('none'))).toMatch(/^操作系统目前无法加密保存的密钥/);
    expect(keychainReasonText(en, plainTextRefusal('basic_text'))).toBe(plainTextRefusal('basic_text'));
    expect(keychainReasonText(en, plainTextRefusal('none'))).toBe(plainTextRefusal('none'));
    expect(keychainReasonText(zh, 'the keychain ate it')).toBe('the keychain ate it');
    expect(keychainReasonText(zh, null)).toBe('');
  });
});
