import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../src/config.js';

describe('configuration', () => {
  it('has working defaults', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: undefined,
      adminToken: undefined,
      logLevel: 'info',
    });
    expect(config.dataDir).toBe(path.resolve('./data'));
  });

  it('converts and checks values', () => {
    const config = parseConfig({
      PORT: '9000',
      TRUST_PROXY: 'true',
      DATABASE_URL: 'postgres://u@h/db',
      PUBLIC_URL: 'https://x.test/',
    });
    expect(config.port).toBe(9000);
    expect(config.trustProxy).toBe(true);
    expect(config.databaseUrl).toBe('postgres://u@h/db');
    expect(config.publicUrl).toBe('https://x.test');
  });

  it('names every wrong variable, hiding secret values', () => {
    try {
      parseConfig({ PORT: '70000', DATABASE_URL: 'mysql://secret@h/db', ADMIN_TOKEN: 'tiny', WORKER_CONCURRENCY: '0' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const message = (err as Error).message;
      expect(message).toContain('PORT="70000"');
      expect(message).toContain('DATABASE_URL=(value hidden)');
      expect(message).toContain('ADMIN_TOKEN=(value hidden)');
      expect(message).toContain('WORKER_CONCURRENCY');
      expect(message).not.toContain('secret@h');
      expect(message).not.toContain('tiny');
    }
  });

  it('treats empty values as unset', () => {
    expect(parseConfig({ PORT: '', ADMIN_TOKEN: '  ' })).toMatchObject({ port: 8080, adminToken: undefined });
  });
});
