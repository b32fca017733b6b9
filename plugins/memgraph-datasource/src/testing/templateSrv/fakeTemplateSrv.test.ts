// The parts of the fake the truth table does not cover: the variable models the editors list, switching dashboards,
// and what counts as a template. Interpolation itself is checked against Grafana in interpolationTruthTable.test.ts.
import { FakeTemplateSrv } from './fakeTemplateSrv';

describe('FakeTemplateSrv', () => {
  it('lists the variables as Grafana models them: custom variables, "All" first among the options', () => {
    const templateSrv = new FakeTemplateSrv([
      { name: 'lot', current: 'l-2', options: ['l-1', 'l-2'] },
      { name: 'building', current: ['$__all'], options: ['b-1', 'b-2'], multi: true, allValue: '.*' },
    ]);
    expect(templateSrv.getVariables()).toEqual([
      {
        name: 'lot',
        type: 'custom',
        query: 'l-1,l-2',
        multi: false,
        includeAll: false,
        allValue: undefined,
        current: { text: 'l-2', value: 'l-2' },
        options: [
          { text: 'l-1', value: 'l-1', selected: false },
          { text: 'l-2', value: 'l-2', selected: true },
        ],
      },
      {
        name: 'building',
        type: 'custom',
        query: 'b-1,b-2',
        multi: true,
        includeAll: true,
        allValue: '.*',
        current: { text: ['All'], value: ['$__all'] },
        options: [
          { text: 'All', value: '$__all', selected: true },
          { text: 'b-1', value: 'b-1', selected: false },
          { text: 'b-2', value: 'b-2', selected: false },
        ],
      },
    ]);
  });

  it('serves the variables last set (the browser host switches dashboards that way)', () => {
    const templateSrv = new FakeTemplateSrv([{ name: 'memgraph', current: 'uid-1' }]);
    templateSrv.setVariables([{ name: 'memgraph', current: 'uid-2' }]);
    expect(templateSrv.replace('${memgraph}')).toBe('uid-2');
    templateSrv.setVariables([]);
    expect(templateSrv.replace('${memgraph}')).toBe('${memgraph}');
  });

  it('contains a template only where a reference names a variable', () => {
    const templateSrv = new FakeTemplateSrv([{ name: 'memgraph', current: 'uid-1' }]);
    expect(templateSrv.containsTemplate('${memgraph}')).toBe(true);
    expect(templateSrv.containsTemplate('prefix [[memgraph]]')).toBe(true);
    expect(templateSrv.containsTemplate('$other')).toBe(false);
    expect(templateSrv.containsTemplate('uid-1')).toBe(false);
  });

  it('leaves a field path as written, for the datasource to refuse', () => {
    const templateSrv = new FakeTemplateSrv([{ name: 'lot', current: 'l-2' }]);
    expect(templateSrv.replace('${lot.id}', undefined, () => 'formatted')).toBe('${lot.id}');
  });
});
