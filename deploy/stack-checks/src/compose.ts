import { parse } from 'yaml';
import { runTool } from '@opentruss/tooling/testing';
import { REPO_ROOT } from './repo';

/** The parts of a resolved compose service the checks read (as `docker-compose config` prints them). */
export interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile?: string; target?: string };
  profiles?: string[];
  restart?: string;
  environment?: Record<string, string>;
  command?: string[];
  ports?: ComposePort[];
  volumes?: ComposeVolume[];
  networks?: Record<string, { aliases?: string[] } | null>;
  network_mode?: string;
  pid?: string;
  extra_hosts?: string[];
  tmpfs?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}

export interface ComposePort {
  published: number;
  target: number;
  host_ip?: string;
}

export interface ComposeVolume {
  type: 'bind' | 'volume' | 'tmpfs';
  source: string;
  target: string;
  read_only: boolean;
}

export interface ComposeConfig {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
  networks?: Record<string, { external?: boolean; name?: string }>;
}

export interface ComposeOptions {
  /** Compose profiles to enable, passed as COMPOSE_PROFILES (docker-compose 1.29 reads it like `--profile`). */
  profiles?: string[];
  restart?: string;
  /** Extra compose files after docker-compose.yml (override files). */
  files?: string[];
  /** Another project's compose file and folder instead of this repository's docker-compose.yml (e.g. OpenTruss's). */
  mainFile?: string;
  cwd?: string;
  envFile?: string;
  /** Variables set in the environment of docker-compose (as a user's shell or .env would). */
  env?: Record<string, string>;
}

export interface ComposeResult {
  ok: boolean;
  stderr: string;
  config?: ComposeConfig;
}

/** Runs the real `docker-compose config` on the repository's compose file(s), fully offline, and parses its output. */
export function composeConfig(options: ComposeOptions = {}): ComposeResult {
  const args = [options.mainFile ?? 'docker-compose.yml', ...(options.files ?? [])].flatMap((file) => ['-f', file]);
  if (options.envFile) {
    args.push('--env-file', options.envFile);
  }
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env };
  if (options.profiles?.length) {
    env.COMPOSE_PROFILES = options.profiles.join(',');
  }
  const result = runTool('docker-compose', [...args, 'config'], { cwd: options.cwd ?? REPO_ROOT, env });
  const ok = result.status === 0;
  return { ok, stderr: result.stderr, config: ok ? normalise(parse(result.stdout) as ComposeConfig) : undefined };
}

/**
 * docker-compose 1.29 prints volumes as `source:target:mode` strings and host-bound ports as
 * `ip:published:target/proto`; turn both into objects so checks read one shape.
 */
function normalise(config: ComposeConfig): ComposeConfig {
  for (const service of Object.values(config.services)) {
    service.volumes = (service.volumes as unknown as Array<string | Partial<ComposeVolume>> | undefined)?.map((spec) => {
      if (typeof spec !== 'string') {
        // The long syntax (e.g. a tmpfs), printed as an object.
        return { type: spec.type!, source: spec.source ?? '', target: spec.target!, read_only: spec.read_only ?? false };
      }
      const [source, target, mode = 'rw'] = spec.split(':');
      return { type: source.startsWith('/') ? 'bind' : 'volume', source, target, read_only: mode.split(',').includes('ro') };
    });
    service.ports = (service.ports as unknown as Array<ComposePort | string> | undefined)?.map((port) => {
      if (typeof port !== 'string') {
        return { published: Number(port.published), target: port.target };
      }
      const [hostIp, published, target] = port.replace(/\/\w+$/, '').split(':');
      return { host_ip: hostIp, published: Number(published), target: Number(target) };
    });
  }
  return config;
}

/** `composeConfig` that must succeed. */
export function resolvedCompose(options: ComposeOptions = {}): ComposeConfig {
  const result = composeConfig(options);
  if (!result.config) {
    throw new Error(`docker-compose config failed:\n${result.stderr}`);
  }
  return result.config;
}

/**
 * Names of the `${VAR}`, `${VAR:-default}`, `${VAR:?err}` and `$VAR` interpolations in a compose file's values
 * (comments are not values; `$$` is a literal `$`).
 */
export function composeVariables(yamlText: string): string[] {
  const strings: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') {
      strings.push(value);
    } else if (value && typeof value === 'object') {
      Object.values(value).forEach(collect);
    }
  };
  collect(parse(yamlText));
  const names = strings
    .map((s) => s.replace(/\$\$/g, ''))
    .flatMap((s) => [...s.matchAll(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|([A-Za-z_][A-Za-z0-9_]*))/g)].map((m) => m[1] ?? m[2]));
  return [...new Set(names)].sort();
}
