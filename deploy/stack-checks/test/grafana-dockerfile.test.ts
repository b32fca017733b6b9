import { dockerfileEnv, resolvedCompose } from '../src';

// The build stage (manifests first, only the plugins installed, the image's Node) is checked with the other
// images' in node-build-stages.test.ts.
const grafana = resolvedCompose().services.grafana;
const DOCKERFILE = grafana.build!.dockerfile!;

describe('Grafana image (deploy/grafana/Dockerfile)', () => {
  it("switches off Grafana's download of its default preinstalled apps at every start (offline hosts)", () => {
    expect(dockerfileEnv(DOCKERFILE).GF_PLUGINS_PREINSTALL_DISABLED).toBe('true');
    expect(grafana.environment).not.toHaveProperty('GF_PLUGINS_PREINSTALL_DISABLED');
    expect(grafana.environment).not.toHaveProperty('GF_PLUGINS_PREINSTALL');
    expect(grafana.environment).not.toHaveProperty('GF_INSTALL_PLUGINS');
  });
});
