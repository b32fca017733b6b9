// The reference for the fake: the same variables in a real @grafana/scenes scene, interpolated by scenes'
// sceneInterpolator (what Grafana's TemplateSrv delegates to on dashboards). Test-only; loads React and @grafana/ui.
import './sceneGlobals';

import type { ScopedVars } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';
import { CustomVariable, EmbeddedScene, SceneFlexLayout, SceneVariableSet, sceneGraph } from '@grafana/scenes';

import type { FakeVariable } from './fakeTemplateSrv';

/** A TemplateSrv whose replace() is scenes' interpolation over these variables as CustomVariables. */
export function sceneTemplateSrv(variables: FakeVariable[]): TemplateSrv {
  const scene = new EmbeddedScene({
    $variables: new SceneVariableSet({ variables: variables.map(customVariable) }),
    body: new SceneFlexLayout({ children: [] }),
  });
  return {
    getVariables: () => {
      throw new Error('the scene reference only interpolates');
    },
    containsTemplate: () => {
      throw new Error('the scene reference only interpolates');
    },
    updateTimeRange: () => undefined,
    replace: (target?: string, scopedVars?: ScopedVars, format?: string | Function) =>
      sceneGraph.interpolate(scene, target, scopedVars, format as Parameters<typeof sceneGraph.interpolate>[3]),
  };
}

function customVariable(variable: FakeVariable): CustomVariable {
  const values = variable.options ?? [];
  const all = variable.current === '$__all' || (Array.isArray(variable.current) && variable.current.includes('$__all'));
  return new CustomVariable({
    name: variable.name,
    query: values.join(','),
    // Options set directly: the scene is never activated, so CustomVariable never computes them from the query.
    options: values.map((value) => ({ label: value, value })),
    value: variable.current,
    text: all ? 'All' : variable.current,
    isMulti: variable.multi,
    includeAll: variable.includeAll ?? (all || variable.allValue !== undefined),
    allValue: variable.allValue,
  });
}
