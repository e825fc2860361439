import { describe, expect, it } from 'vitest';
import { canonicalPath, matchPath, pathTo, ROUTES } from '../../../renderer/src/shell/routes';

describe('routes', () => {
  it('reads every route back from the path it writes', () => {
    for (const name of Object.keys(ROUTES) as (keyof typeof ROUTES)[]) {
      const path = name === 'token' ? pathTo('token', { id: 'TKN-1234-5678' }) : name === 'report' ? pathTo('report', { scope: 'all' }) : pathTo(name as Exclude<typeof name, 'token' | 'report'>);
      expect(matchPath(path).name).toBe(name);
    }
  });

  it('names a token by its id', () => {
    expect(pathTo('token', { id: 'TKN-1234-5678' })).toBe('/tokens/TKN-1234-5678');
    expect(matchPath('/tokens/TKN-1234-5678')).toEqual({ name: 'token', params: { id: 'TKN-1234-5678' } });
    expect(matchPath('/tokens/TKN-1234-5678/')).toEqual({ name: 'token', params: { id: 'TKN-1234-5678' } });
  });

  it('names the report by its scope: every connection or one', () => {
    expect(pathTo('report', { scope: 'all' })).toBe('/report/all');
    expect(matchPath('/report/3f2a-conn')).toEqual({ name: 'report', params: { scope: '3f2a-conn' } });
    expect(matchPath('/report')).toEqual({ name: 'notFound', path: '/report' });
  });

  it('leads / and the page file to the token list', () => {
    expect(matchPath('/')).toEqual({ name: 'tokens', params: {} });
    expect(matchPath('/index.html')).toEqual({ name: 'tokens', params: {} });
    expect(canonicalPath('/')).toBe('/tokens');
    expect(canonicalPath('/audit/')).toBe('/audit');
    expect(canonicalPath('/tokens/TKN-1234-5678')).toBe('/tokens/TKN-1234-5678');
  });

  it('finds nothing at an unknown, malformed or badly escaped address', () => {
    for (const path of ['/nope', '/tokens/TKN-12', '/tokens/tkn-1234-5678', '/tokens/TKN-1234-5678/extra', '/tokens/%E0%A4%A', '/audit/x', 'audit', '']) {
      expect(matchPath(path)).toEqual({ name: 'notFound', path });
    }
  });

  it('escapes what it writes', () => {
    expect(pathTo('token', { id: 'a/b' })).toBe('/tokens/a%2Fb');
    expect(matchPath(pathTo('token', { id: 'a/b' })).name).toBe('notFound');
  });
});
