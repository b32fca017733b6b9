import { fakeTemplateSrv } from '../testing/templateSrv';
import { templateSrvVariables } from './variables';

describe('templateSrvVariables', () => {
  const templateSrv = fakeTemplateSrv([
    { name: 'project', current: 'P-1' },
    { name: 'status', current: ['APPROVED', 'PUBLISHED'] },
    { name: 'building', current: '$__all', options: ['B-1', 'B-2', 'B-3'] },
  ]);

  it('reads single values as scalars, multi-value and All as lists, without interpolating anything', () => {
    const source = templateSrvVariables(templateSrv);
    expect(source.valueOf('project')).toBe('P-1');
    expect(source.valueOf('status')).toEqual(['APPROVED', 'PUBLISHED']);
    expect(source.valueOf('building')).toEqual(['B-1', 'B-2', 'B-3']);
  });

  it('prefers scoped values (repeated panels, rows) over the dashboard value', () => {
    const source = templateSrvVariables(templateSrv, { building: { text: 'B-2', value: 'B-2' } });
    expect(source.valueOf('building')).toBe('B-2');
  });

  it('takes a custom all value as the text Grafana hands over, since Grafana never passes it to a format function', () => {
    const source = templateSrvVariables(
      fakeTemplateSrv([{ name: 'status', current: ['$__all'], options: ['APPROVED', 'PUBLISHED'], allValue: '*' }])
    );
    expect(source.valueOf('status')).toBe('*');
  });

  it('keeps an empty value as a value, not as a missing variable', () => {
    const source = templateSrvVariables(fakeTemplateSrv([{ name: 'search', current: '' }]));
    expect(source.valueOf('search')).toBe('');
  });

  it('returns undefined for a name that is no variable', () => {
    expect(templateSrvVariables(templateSrv).valueOf('nope')).toBeUndefined();
  });

  it('passes values through as they are, injection attempts included', () => {
    const hostile = "'}) MATCH (n) DETACH DELETE n //";
    const source = templateSrvVariables(fakeTemplateSrv([{ name: 'x', current: hostile }]));
    expect(source.valueOf('x')).toBe(hostile);
  });
});
