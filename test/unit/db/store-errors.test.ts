// A lost store connection is told apart from an error of the statement itself: the first releases a job
// without using a retry, the second is a failure of the job.
import { describe, expect, it } from 'vitest';
import { isStoreConnectionLost } from '../../../src/db/store-errors.js';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isStoreConnectionLost', () => {
  it('recognises terminated backends, refused or reset connections and pool connect time-outs', () => {
    for (const err of [
      withCode('terminating connection due to administrator command', '57P01'),
      withCode('the database system is shutting down', '57P03'),
      withCode('connection failure', '08006'),
      withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
      new Error('Connection terminated unexpectedly'),
      new Error('Client has encountered a connection error and is not queryable'),
      new Error('timeout exceeded when trying to connect'),
    ]) {
      expect(isStoreConnectionLost(err), err.message).toBe(true);
    }
  });

  it('does not mistake errors of the statement or of the work for a lost connection', () => {
    for (const err of [
      withCode('duplicate key value violates unique constraint "x"', '23505'),
      withCode('value "1e20" is out of range for type integer', '22003'),
      withCode('canceling statement due to statement timeout', '57014'),
      new Error('SMTP greeting timed out'),
      'not an error',
    ]) {
      expect(isStoreConnectionLost(err)).toBe(false);
    }
  });
});
