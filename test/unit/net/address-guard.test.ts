// The shared address guard (src/net/address-guard.ts): every spelling of a forbidden address is
// refused, public addresses pass, and the operator allow-list overrides the refusal.
import { describe, expect, it } from 'vitest';
import { cidrListProblem, createAddressGuard, parseCidrList, parseIp } from '../../../src/net/address-guard.js';

const guard = createAddressGuard({ allowedCidrs: [] });

const REFUSED: [string, string][] = [
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['2130706433', 'loopback'], // decimal
  ['0177.0.0.1', 'loopback'], // octal
  ['0x7f.1', 'loopback'], // hex, short
  ['0x7f000001', 'loopback'],
  ['127.1', 'loopback'], // short form
  ['127.0.0.1.', 'loopback'], // trailing dot (WHATWG URL)
  ['::1', 'loopback'],
  ['[::1]', 'loopback'],
  ['0:0:0:0:0:0:0:1', 'loopback'],
  ['::ffff:127.0.0.1', 'loopback'], // IPv4-mapped, dotted
  ['::ffff:7f00:1', 'loopback'], // IPv4-mapped, hex
  ['[::ffff:7f00:1]', 'loopback'],
  ['::ffff:0:7f00:1', 'loopback'], // SIIT
  ['64:ff9b::7f00:1', 'loopback'], // NAT64
  ['2002:7f00:1::1', 'loopback'], // 6to4 of 127.0.0.1
  ['2002:a9fe:a9fe::', 'metadata'], // 6to4 of 169.254.169.254
  ['10.0.0.1', 'private'],
  ['012.0.0.1', 'private'], // octal 10.0.0.1
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['192.168.1.1', 'private'],
  ['::ffff:192.168.1.1', 'private'],
  ['100.64.0.1', 'cgnat'],
  ['100.127.255.255', 'cgnat'],
  ['169.254.1.1', 'link_local'],
  ['fe80::1', 'link_local'],
  ['fe80::1%eth0', 'link_local'], // zone id
  ['[fe80::1%25eth0]', 'link_local'],
  ['169.254.169.254', 'metadata'],
  ['0xa9fea9fe', 'metadata'],
  ['fd00:ec2::254', 'metadata'],
  ['100.100.100.200', 'metadata'],
  ['168.63.129.16', 'metadata'],
  ['fc00::1', 'unique_local'],
  ['fd12:3456::1', 'unique_local'],
  ['224.0.0.1', 'multicast'],
  ['239.255.255.250', 'multicast'],
  ['ff02::1', 'multicast'],
  ['0.0.0.0', 'unspecified'],
  ['0', 'unspecified'],
  ['0.1.2.3', 'unspecified'],
  ['::', 'unspecified'],
  ['255.255.255.255', 'broadcast'],
  ['240.0.0.1', 'reserved'],
  ['192.0.0.8', 'reserved'],
  ['::127.0.0.1', 'reserved'], // deprecated IPv4-compatible
  ['2001::1', 'reserved'], // Teredo
  ['100::1', 'reserved'],
  ['fec0::1', 'private'],
  ['64:ff9b:1::1', 'private'],
  ['192.0.2.1', 'documentation'],
  ['198.51.100.7', 'documentation'],
  ['203.0.113.9', 'documentation'],
  ['2001:db8::1', 'documentation'],
  ['3fff::1', 'documentation'],
  ['198.18.0.1', 'benchmarking'],
  ['2001:2::1', 'benchmarking'],
  ['::ffff:10.0.0.1', 'private'],
];

const ALLOWED = [
  '8.8.8.8',
  '1.1.1.1',
  '93.184.216.34',
  '2606:4700:4700::1111',
  '2a00:1450:4001:80b::201a',
  '::ffff:8.8.8.8',
  '64:ff9b::808:808',
  '2002:808:808::1',
  '172.32.0.1',
  '100.128.0.1',
  '11.0.0.1',
];

describe('address guard', () => {
  it.each(REFUSED)('refuses %s (%s)', (ip, reason) => {
    expect(guard.check(ip)).toMatchObject({ allowed: false, reason });
  });

  it.each(ALLOWED)('allows %s', (ip) => {
    expect(guard.check(ip)).toMatchObject({ allowed: true });
  });

  it('returns the canonical address to connect to', () => {
    expect(guard.check('0x08.8.8.8')).toEqual({ allowed: true, address: '8.8.8.8', family: 4 });
    expect(guard.check('[2606:4700:4700:0:0:0:0:1111]')).toEqual({ allowed: true, address: '2606:4700:4700::1111', family: 6 });
  });

  it('refuses what is not an IP address', () => {
    for (const text of [
      'localhost',
      'example.com',
      '',
      ' ',
      '1.2.3.4.5',
      '999.1.1.1',
      '::g',
      'http://127.0.0.1/',
      '127.0.0.1:80',
    ]) {
      expect(guard.check(text), text).toMatchObject({ allowed: false, reason: 'not_an_ip' });
    }
  });

  it('lets the operator allow ranges, across the IPv4/IPv6 spellings, without allowing the rest', () => {
    const allowing = createAddressGuard({ allowedCidrs: ['127.0.0.0/8', '10.1.0.0/16', 'fd00::/8'] });
    expect(allowing.check('127.0.0.5')).toMatchObject({ allowed: true });
    expect(allowing.check('::ffff:127.0.0.5')).toMatchObject({ allowed: true });
    expect(allowing.check('0x7f.5')).toMatchObject({ allowed: true, address: '127.0.0.5' });
    expect(allowing.check('10.1.2.3')).toMatchObject({ allowed: true });
    expect(allowing.check('fd12::1')).toMatchObject({ allowed: true });
    expect(allowing.check('10.2.0.1')).toMatchObject({ allowed: false, reason: 'private' });
    expect(allowing.check('::1')).toMatchObject({ allowed: false, reason: 'loopback' });
    expect(allowing.check('169.254.169.254')).toMatchObject({ allowed: false, reason: 'metadata' });
    expect(createAddressGuard({ allowedCidrs: ['::1'] }).check('::1')).toMatchObject({ allowed: true });
  });

  it('parses CIDR lists with errors that name the bad entry', () => {
    expect(parseCidrList('127.0.0.0/8, ::1/128,10.0.0.1')).toHaveLength(3);
    expect(parseCidrList('')).toEqual([]);
    expect(cidrListProblem('127.0.0.0/8')).toBeNull();
    expect(cidrListProblem('127.0.0.0/8,bogus')).toContain('"bogus"');
    expect(cidrListProblem('10.0.0.0/33')).toContain('"10.0.0.0/33"');
    expect(cidrListProblem('127.1/8')).toContain('127.1/8');
  });

  it('parses the spellings a URL parser accepts', () => {
    expect(parseIp('127.1')?.toString()).toBe('127.0.0.1');
    expect(parseIp('[::1]')?.toString()).toBe('::1');
    expect(parseIp('not-an-ip')).toBeNull();
  });
});
