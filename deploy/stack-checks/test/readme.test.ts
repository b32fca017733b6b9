import { dockerfileStages, readText, resolvedCompose } from '../src';

const readme = readText('README.md');
const stackSection = readme.slice(readme.indexOf('## Stack'), readme.indexOf('\n## ', readme.indexOf('## Stack') + 1));

describe('README stays true to the stack', () => {
  it('keeps the set-up command exactly what a user types, and it starts a compose file with images to build', () => {
    expect(readme).toContain('| Bring up the real stack (needs Docker; builds both plugins inside the image build) | `docker compose up --build` |');
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
      expect(`${image}: ${stackSection.includes(`\`${image}\``)}`).toBe(`${image}: true`);
    }
  });

  it('lists every service of the compose file', () => {
    for (const name of Object.keys(resolvedCompose({ profiles: ['demo', 'tls'] }).services)) {
      expect(`${name}: ${stackSection.includes(`| \`${name}\` |`)}`).toBe(`${name}: true`);
    }
  });

  it('backs up the volume compose really creates: <project>_memgraph-data', () => {
    const volumes = Object.keys(resolvedCompose().volumes ?? {});
    expect(volumes).toContain('memgraph-data');
    const project = /^COMPOSE_PROJECT_NAME=(.+)$/m.exec(readText('.env.example'))![1];
    expect(stackSection).toContain(`VOLUME=${project}_memgraph-data`);
    expect(stackSection).toMatch(/docker run --rm -v \$VOLUME:\/data -v \$BACKUP_DIR:\/backup alpine:\d+\.\d+\.\d+ tar czf/);
  });
});
