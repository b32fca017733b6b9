import { dockerfileStages, pluginManifests, readText, readYaml, resolvedCompose } from '../src';

// The root README keeps the two commands at the top; the operator's documentation lives in docs/ (operations.md: the
// stack, the join route, upgrades, troubleshooting; alerts.md: who notifies).
const readme = readText('README.md');
const operations = readText('docs/operations.md');
const alertsDoc = readText('docs/alerts.md');
const servicesSection = operations.slice(operations.indexOf('## Services'), operations.indexOf('\n## ', operations.indexOf('## Services') + 1));

describe('README and docs stay true to the stack', () => {
  it('keeps the two commands at the top of the README, exactly what a user types, and the set-up starts a compose file with images to build', () => {
    const twoCommands = readme.slice(0, readme.indexOf('\n## ', readme.indexOf('## Set-up') + 1));
    expect(twoCommands).toContain(
      '| Bring up the real stack (rootful Docker on Linux — Docker Desktop, WSL, rootless: [see here](docs/operations.md#where-the-stack-runs); builds both plugins inside the image build) | `docker compose up --build` |'
    );
    expect(twoCommands).toContain('| Install every test prerequisite, build, and run every test | `bash scripts/install-and-test.sh` |');
    expect(readText('scripts/install-and-test.sh').length).toBeGreaterThan(0);
    expect(readme).not.toMatch(/arrives with the stack work/);
    const built = Object.values(resolvedCompose().services).filter((s) => s.build);
    expect(built.length).toBeGreaterThan(0);
  });

  it('names every image the stack pulls, at the pinned version', () => {
    const { services } = resolvedCompose({ profiles: ['demo', 'tls'] });
    const images = [
      ...Object.values(services).flatMap((s) => (s.build ? [] : [s.image!])),
      dockerfileStages(services.grafana.build!.dockerfile!).find((s) => s.image.startsWith('grafana/'))!.image,
    ];
    for (const image of images) {
      expect(`${image}: ${servicesSection.includes(`\`${image}\``)}`).toBe(`${image}: true`);
    }
  });

  it('lists every service of the compose file', () => {
    for (const name of Object.keys(resolvedCompose({ profiles: ['demo', 'tls'] }).services)) {
      expect(`${name}: ${servicesSection.includes(`| \`${name}\` |`)}`).toBe(`${name}: true`);
    }
  });

  it('links the backup procedure, which uses the volume compose really creates: <project>_memgraph-data', () => {
    const volumes = Object.keys(resolvedCompose().volumes ?? {});
    expect(volumes).toContain('memgraph-data');
    expect(readme).toContain('[docs/backups.md](docs/backups.md)');
    expect(operations).toContain('[backups.md](backups.md)');
    const project = /^COMPOSE_PROJECT_NAME=(.+)$/m.exec(readText('.env.example'))![1];
    const backups = readText('docs/backups.md');
    expect(backups).toContain(`-v ${project}_memgraph-data:/restore-target`);
    expect(backups).not.toMatch(/opentruss_memgraph_data:/);
  });
});

describe('the docs say what operators meet in the field', () => {
  const section = (heading: string, document = operations) => {
    const start = document.indexOf(`\n${heading}\n`);
    expect(`${heading}: ${start >= 0}`).toBe(`${heading}: true`);
    const level = heading.split(' ')[0];
    const next = document.slice(start + heading.length + 2).search(new RegExp(`\\n#{2,${level.length}} `));
    return document.slice(start, next < 0 ? undefined : start + heading.length + 2 + next);
  };

  it('what the default stack needs, and the override for Docker Desktop, WSL and rootless Docker', () => {
    const where = section('## Where the stack runs');
    expect(where).toContain('rootful Docker Engine on Linux');
    expect(where).toContain('docker compose -f docker-compose.yml -f deploy/compose/without-host-namespaces.yml up --build');
    expect(where).toContain('network traffic and TCP connections are the\nprometheus container');
  });

  it("node-exporter's listen address and the firewall rule the scrape needs", () => {
    const firewall = section('## Host firewall');
    const listen = resolvedCompose().services['node-exporter'].command!.find((a) => a.startsWith('--web.listen-address='))!.split('=')[1];
    expect(firewall).toContain(`\`${listen}\``);
    expect(firewall).toContain('NODE_EXPORTER_LISTEN_ADDRESS');
    expect(firewall).toMatch(/sudo ufw allow from "\$SUBNET" to any port 9100 proto tcp/);
  });

  it('that Prometheus notifies nobody while its configuration has no alerting section', () => {
    const config = readYaml<{ alerting?: unknown }>('deploy/prometheus/prometheus.yml');
    expect(config.alerting).toBeUndefined();
    expect(section('## Who notifies', alertsDoc)).toContain('sends them to no\nAlertmanager');
    expect(readText('deploy/prometheus/prometheus.yml')).toMatch(/sent nowhere: there is no `alerting:` section/);
  });

  it("installs into an existing Grafana with GF_PLUGINS_PREINSTALL_SYNC (GF_INSTALL_PLUGINS is deprecated)", () => {
    const existing = section('## Installing the plugins into an existing Grafana');
    expect(existing).not.toMatch(/GF_INSTALL_PLUGINS="/);
    const sync = /GF_PLUGINS_PREINSTALL_SYNC="([^"]+)"/.exec(existing)![1].split(',');
    // Grafana's format: id@version@url (pkg/setting/setting_plugins.go, processPreinstallPlugins).
    expect(sync.map((entry) => entry.split('@')[0]).sort()).toEqual(pluginManifests().map((p) => p.id).sort());
    for (const entry of sync) {
      const [id, version, url] = entry.split('@');
      expect(version).toBe('<version>');
      expect(url).toBe(`https://your.host/${id}-<version>.zip`);
    }
  });
});
