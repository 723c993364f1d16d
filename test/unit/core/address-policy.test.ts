/** Which addresses an image URL may be fetched from (address-policy.ts): everything not publicly routable is local. */
import { describe, expect, it } from 'vitest';
import { isLocalAddress, localUrlsAllowed } from '../../../src-main/core/domains/address-policy';

describe('isLocalAddress', () => {
  it.each(['127.0.0.1', '127.255.0.9', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.0.10', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fd12:3456::1', 'fc00::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:a9fe:a9fe', '[::1]', 'fe80::1%eth0', 'not-an-address'])('%s is local', (address) => {
    expect(isLocalAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '172.15.255.255', '192.169.0.1', '100.128.0.1', '2a00:1450:4001:80b::200e', '::ffff:8.8.8.8', '[2606:4700::1111]'])('%s is public', (address) => {
    expect(isLocalAddress(address)).toBe(false);
  });
});

describe('localUrlsAllowed', () => {
  it('is on only when the person says so', () => {
    expect(localUrlsAllowed({})).toBe(false);
    expect(localUrlsAllowed({ NEVENT_UPLOAD_LOCAL_URLS: '0' })).toBe(false);
    expect(localUrlsAllowed({ NEVENT_UPLOAD_LOCAL_URLS: '' })).toBe(false);
    for (const on of ['1', 'true', 'YES', ' 1 ']) expect(localUrlsAllowed({ NEVENT_UPLOAD_LOCAL_URLS: on })).toBe(true);
  });
});
