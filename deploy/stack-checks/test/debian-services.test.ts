import { runTool } from '@opentruss/tooling/testing';
import { REPO_ROOT, readText } from '../src';

// The README's test command apt-installs prometheus, prometheus-node-exporter, prometheus-alertmanager and nginx
// for the suites to run; their Debian services would take :9090, :9100, :9093 and :80 on the machine that then
// runs `docker compose up`. scripts/lib/debian-install.sh installs them without starting or enabling them.
const LIB = 'scripts/lib/debian-install.sh';
const script = readText('scripts/install-and-test.sh');
const packages = /^debian_packages=\(([^)]*)\)/m.exec(script)![1].split(/\s+/).filter(Boolean);

/** Runs one function of the install library in bash, with the repository's own rule for "a package's services". */
function lib(call: string, args: string[]): string {
  const result = runTool('bash', ['-c', `source ${LIB} && ${call} "$@"`, 'lib', ...args], { cwd: REPO_ROOT });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout.trim();
}

describe('Debian services of the test prerequisites', () => {
  it('are installed through the library that keeps them from starting', () => {
    expect(packages).toEqual(expect.arrayContaining(['prometheus', 'prometheus-node-exporter', 'prometheus-alertmanager', 'nginx']));
    expect(script).toMatch(/^\s*source scripts\/lib\/debian-install\.sh$/m);
    expect(script).toMatch(/^\s*apt_install_without_services "\$sudo" "\$\{missing\[@\]\}"$/m);
    expect(script).not.toMatch(/^\s*\$sudo apt-get install/m);
  });

  it("are found on this machine (the daemons' init scripts and units, not a dependency's)", () => {
    const services = lib('boot_services | services_of_packages', packages).split('\n');
    expect(services).toEqual(expect.arrayContaining(['prometheus', 'prometheus-node-exporter', 'prometheus-alertmanager', 'nginx']));
    expect(services.every((name) => packages.some((p) => name === p || name.startsWith(`${p}-`) || name.startsWith(`${p}.`)))).toBe(true);
  });

  it('do not run after the install, so the stack keeps its ports', () => {
    const running = lib('running_services_of_packages', packages);
    const advice =
      'scripts/install-and-test.sh installs them without starting them; these run anyway (started by hand, or ' +
      'installed before): stop and disable them with `sudo systemctl disable --now <name>`, or without systemd ' +
      '`sudo service <name> stop && sudo update-rc.d <name> disable`';
    expect(`${running || 'none'} — ${advice}`).toBe(`none — ${advice}`);
  });
});
