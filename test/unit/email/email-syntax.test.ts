// Address syntax and normalisation (at least 60 cases), and the list-based flags and suggestions.
import { describe, expect, it } from 'vitest';
import { isDisposable, isFree, isRole, suggestAddress } from '../../../src/email/email-lists.js';
import { parseAddress } from '../../../src/email/email-syntax.js';

const long = (n: number, c = 'a') => c.repeat(n);
const label63 = long(63, 'b');

// [input, normalized form, or null when the address is not valid]
const VALID: [string, string][] = [
  ['simple@example.com', 'simple@example.com'],
  ['very.common@example.com', 'very.common@example.com'],
  ['x@example.com', 'x@example.com'],
  ['long.email-address-with-hyphens@and.subdomains.example.com', 'long.email-address-with-hyphens@and.subdomains.example.com'],
  ['user.name+tag+sorting@example.com', 'user.name+tag+sorting@example.com'],
  ['name/surname@example.com', 'name/surname@example.com'],
  ['admin@mailserver1.example', 'admin@mailserver1.example'],
  ["o'brien@example.ie", "o'brien@example.ie"],
  ['!#$%&*+-/=?^_`{|}~@example.org', '!#$%&*+-/=?^_`{|}~@example.org'],
  ['user-@example.org', 'user-@example.org'],
  ['_@example.org', '_@example.org'],
  ['1234567890@example.com', '1234567890@example.com'],
  ['Mixed.Case@EXAMPLE.COM', 'Mixed.Case@example.com'],
  ['  padded@example.com  ', 'padded@example.com'],
  ['user@sub-domain.example.co.uk', 'user@sub-domain.example.co.uk'],
  ['user@123.example.com', 'user@123.example.com'],
  ['user@example.xn--p1ai', 'user@example.xn--p1ai'],
  ['user@bücher.de', 'user@xn--bcher-kva.de'],
  ['user@MÜNCHEN.de', 'user@xn--mnchen-3ya.de'],
  ['user@例え.テスト', 'user@xn--r8jz45g.xn--zckzah'],
  ['user@münchen。de', 'user@xn--mnchen-3ya.de'],
  ['josé@example.com', 'josé@example.com'],
  ['用户@例子.广告', '用户@xn--fsqu00a.xn--4rr70v'],
  ['"john doe"@example.com', '"john doe"@example.com'],
  ['"john..doe"@example.com', '"john..doe"@example.com'],
  ['"john@doe"@example.com', '"john@doe"@example.com'],
  ['"quoted\\"escape"@example.com', '"quoted\\"escape"@example.com'],
  ['"simple"@example.com', 'simple@example.com'],
  ['"a.b"@example.com', 'a.b@example.com'],
  ['" "@example.org', '" "@example.org'],
  [`${long(64)}@example.com`, `${long(64)}@example.com`],
  [`user@${label63}.com`, `user@${label63}.com`],
  [
    `${long(64)}@${long(63, 'c')}.${long(63, 'd')}.${long(57, 'e')}.com`,
    `${long(64)}@${long(63, 'c')}.${long(63, 'd')}.${long(57, 'e')}.com`,
  ],
  ['user@xn--bcher-kva.de', 'user@xn--bcher-kva.de'],
  ['a@b.co', 'a@b.co'],
];

const INVALID: [string, string][] = [
  ['', 'empty'],
  ['   ', 'blank'],
  ['plainaddress', 'no @'],
  ['@example.com', 'no local part'],
  ['user@', 'no domain'],
  ['user@@example.com', 'two @'],
  ['a@b@c.com', '@ in an unquoted local part'],
  ['.user@example.com', 'leading dot'],
  ['user.@example.com', 'trailing dot'],
  ['us..er@example.com', 'two dots in a row'],
  ['user name@example.com', 'space'],
  ['user(comment)@example.com', 'comment'],
  ['user,name@example.com', 'comma'],
  ['user;name@example.com', 'semicolon'],
  ['user<x>@example.com', 'angle brackets'],
  ['user[x]@example.com', 'square brackets'],
  ['user\\name@example.com', 'backslash outside quotes'],
  ['"unterminated@example.com', 'unterminated quote'],
  ['"a"b@example.com', 'text after a quoted string'],
  ['user\n@example.com', 'control character'],
  [`${long(65)}@example.com`, 'local part of 65 octets'],
  [`${'é'.repeat(33)}@example.com`, 'local part of 66 octets (UTF-8)'],
  ['user@localhost', 'single-label domain'],
  ['user@example', 'single-label domain'],
  ['user@.example.com', 'leading dot in the domain'],
  ['user@example.com.', 'trailing dot in the domain'],
  ['user@example..com', 'empty label'],
  ['user@-example.com', 'label starting with a hyphen'],
  ['user@example-.com', 'label ending with a hyphen'],
  ['user@exa_mple.com', 'underscore in the domain'],
  ['user@exa mple.com', 'space in the domain'],
  [`user@${long(64)}.com`, 'label of 64 octets'],
  [
    `user@${long(250, 'a')
      .match(/.{1,50}/g)
      ?.join('.')}.com`,
    'domain over 253 octets',
  ],
  [`${long(64)}@${long(63, 'c')}.${long(63, 'd')}.${long(58, 'e')}.com`, 'address of 255 octets'],
  ['user@[192.168.0.1]', 'address literal'],
  ['user@[IPv6:2001:db8::1]', 'IPv6 address literal'],
  ['user@192.168.0.1', 'all-numeric top-level label'],
  ['user@example.123', 'all-numeric top-level label'],
  ['user@xn--zz.com', 'invalid punycode'],
  ['user@exam!ple.com', 'punctuation in the domain'],
  ['user@example.com/path', 'slash in the domain'],
  ['user@example.com:25', 'port'],
];

describe('address syntax', () => {
  it('has a table of at least 60 cases', () => {
    expect(VALID.length + INVALID.length).toBeGreaterThanOrEqual(60);
  });

  it.each(VALID)('accepts %j', (input, normalized) => {
    const parsed = parseAddress(input);
    expect(parsed).toMatchObject({ ok: true, normalized });
  });

  it.each(INVALID)('refuses %j (%s)', (input) => {
    const parsed = parseAddress(input);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toBeTruthy();
  });

  it('never throws on odd input', () => {
    for (const input of [undefined, null, 42, {}, '\u0000', '@', '@@', '"', '"@', 'a@"b"']) {
      expect(() => parseAddress(input as string)).not.toThrow();
    }
  });
});

describe('flags from maintained lists', () => {
  it('knows disposable domains, subdomains included', () => {
    expect(isDisposable('mailinator.com')).toBe(true);
    expect(isDisposable('sub.mailinator.com')).toBe(true);
    expect(isDisposable('yopmail.com')).toBe(true);
    expect(isDisposable('gmail.com')).toBe(false);
    expect(isDisposable('example.test')).toBe(false);
  });

  it('knows free providers, far beyond the big ones, and does not call a disposable one free', () => {
    for (const d of ['gmail.com', 'outlook.com', 'yahoo.co.jp', 'gmx.de', 'web.de', 'proton.me', 'mail.ru', 'qq.com']) {
      expect(isFree(d), d).toBe(true);
    }
    expect(isFree('mailinator.com')).toBe(false);
    expect(isFree('example.test')).toBe(false);
  });

  it('knows role accounts, with or without a +tag, in any case', () => {
    for (const local of ['admin', 'info', 'Sales', 'postmaster', 'support+billing', 'noreply'])
      expect(isRole(local), local).toBe(true);
    for (const local of ['alice', 'john.smith', 'j.doe']) expect(isRole(local), local).toBe(false);
  });
});

describe('typo suggestions', () => {
  it.each([
    ['gmial.com', 'gmail.com'],
    ['gmail.con', 'gmail.com'],
    ['gnail.com', 'gmail.com'],
    ['hotmial.com', 'hotmail.com'],
    ['yaho.com', 'yahoo.com'],
    ['outlok.com', 'outlook.com'],
    ['iclod.com', 'icloud.com'],
    ['protonmial.com', 'protonmail.com'],
    ['comcast.nte', 'comcast.net'],
    ['orage.fr', 'orange.fr'],
    ['libro.it', 'libero.it'],
    ['tonline.de', 't-online.de'],
    ['yahoo.frr', 'yahoo.fr'],
    ['seznan.cz', 'seznam.cz'],
    ['navr.com', 'naver.com'],
  ])('suggests %s → %s', (typo, fixed) => {
    expect(suggestAddress('user', typo)).toBe(`user@${fixed}`);
  });

  it.each([
    'gmail.com',
    'gmx.de',
    'hotmail.co.uk',
    'bol.com.br',
    'mycompany.io',
    'example.test',
    'good.test',
    'bar.net',
    'stanford.edu',
    'acme.co',
  ])('leaves %s alone', (domain) => {
    expect(suggestAddress('user', domain)).toBeNull();
  });
});
