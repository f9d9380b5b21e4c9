import { describe, expect, it } from 'vitest';
import { multiuserHash, parseMultiuserRoute, type MultiuserRoute } from './multiuser-route.js';

describe('multiuser route', () => {
  it('reads the projects, account, admin and project pages from the hash', () => {
    expect(parseMultiuserRoute('')).toEqual({ page: 'projects' });
    expect(parseMultiuserRoute('#/')).toEqual({ page: 'projects' });
    expect(parseMultiuserRoute('#/account')).toEqual({ page: 'account' });
    expect(parseMultiuserRoute('#/admin')).toEqual({ page: 'admin' });
    expect(parseMultiuserRoute('#/audit')).toEqual({ page: 'audit', projectId: null });
    expect(parseMultiuserRoute('#/audit/alpha')).toEqual({ page: 'audit', projectId: 'alpha' });
    expect(parseMultiuserRoute('#/audit/alpha/notes%2Fplan.chat/1700000000000')).toEqual({ page: 'audit', projectId: 'alpha', chat: 'notes/plan.chat', thread: '1700000000000' });
    // A chat without its thread is the project's audit.
    expect(parseMultiuserRoute('#/audit/alpha/plan.chat')).toEqual({ page: 'audit', projectId: 'alpha' });
    expect(parseMultiuserRoute('#/p/alpha')).toEqual({ page: 'project', projectId: 'alpha', chat: null, thread: null });
    expect(parseMultiuserRoute('#/p/alpha/notes%2Fplan.chat/1700000000000')).toEqual({ page: 'project', projectId: 'alpha', chat: 'notes/plan.chat', thread: '1700000000000' });
  });

  it('round-trips chat paths with slashes, spaces and unicode', () => {
    const routes: MultiuserRoute[] = [
      { page: 'projects' },
      { page: 'account' },
      { page: 'audit', projectId: null },
      { page: 'audit', projectId: 'a b' },
      { page: 'audit', projectId: 'a b', chat: 'a dir/x.chat', thread: '1700000000000' },
      { page: 'project', projectId: 'beta', chat: null, thread: null },
      { page: 'project', projectId: 'beta', chat: 'a dir/ünï code #1.chat', thread: null },
      { page: 'project', projectId: 'beta', chat: 'x.chat', thread: '1700000000000' },
    ];
    for (const route of routes) expect(parseMultiuserRoute(multiuserHash(route))).toEqual(route);
  });

  it('takes a malformed or unknown hash as the projects page, a bad chat part as no chat', () => {
    expect(parseMultiuserRoute('#/nowhere')).toEqual({ page: 'projects' });
    expect(parseMultiuserRoute('#/p/')).toEqual({ page: 'projects' });
    expect(parseMultiuserRoute('#/p/%zz')).toEqual({ page: 'projects' });
    expect(parseMultiuserRoute('#/p/alpha/%zz/1')).toEqual({ page: 'project', projectId: 'alpha', chat: null, thread: null });
  });
});
