// Every command in the runbooks works as written on this stack: each `docker compose` command names a service of
// this stack's compose files (or of OpenTruss's own project, with the runbook saying to run it in OpenTruss's
// checkout), `$VAR`s expanded inside a container are in that service's environment, and every Cypher statement
// in the runbooks and the alerts README passes the project's own Cypher tooling (@opentruss/cypher's lexer) and
// Memgraph's index-hint form.
// TODO(cypher): once @opentruss/cypher's Memgraph read grammar (`checkReadQuery`) lands, run the read statements
// (MATCH … RETURN, USING INDEX … MATCH …) through it instead of the token checks in `cypherProblems`.
import fs from 'node:fs';
import path from 'node:path';
import { isTrivia, tokenize, type Token } from '@opentruss/cypher';
import { parse } from 'yaml';
import { readRepoFile, repoPath } from './support/repo';

interface ComposeFile {
  services: Record<string, { environment?: Record<string, string> | string[]; volumes?: Array<string | { target?: string }> }>;
}

const COMPOSE_FILES = ['docker-compose.yml', 'deploy/compose/join-opentruss.yml'];
/** OpenTruss's own compose services (its checkout, not this repository) that the manual's commands name. */
const OPENTRUSS_SERVICES = new Set(['backend', 'nginx']);
const OPENTRUSS_NOTE = { zh: 'OpenTruss 的 checkout 目录中执行', en: "run those commands in OpenTruss's own checkout" };

const services = new Map<string, Set<string>>();
/** Where each service mounts its volumes (container paths). */
const mounts = new Map<string, Set<string>>();
for (const file of COMPOSE_FILES) {
  const compose = parse(readRepoFile(file), { merge: true }) as ComposeFile;
  for (const [name, service] of Object.entries(compose.services)) {
    const env = service.environment ?? {};
    const names = Array.isArray(env) ? env.map((e) => e.split('=')[0]) : Object.keys(env);
    services.set(name, new Set([...(services.get(name) ?? []), ...names]));
    const targets = (service.volumes ?? []).map((v) => (typeof v === 'string' ? v.split(':')[1] : v.target) ?? '');
    mounts.set(name, new Set([...(mounts.get(name) ?? []), ...targets]));
  }
}

/** Memgraph's credential files as secrets-init writes them into the volume the memgraph container mounts. */
/** Each Memgraph container and the folder of its own credential (MAIN's user; the replica's reader). */
const MEMGRAPH_SECRETS: Readonly<Record<string, string>> = {
  memgraph: '/run/opentruss-secrets/memgraph',
  'memgraph-replica': '/run/opentruss-secrets/memgraph-replica',
};
const mgconsoleLogin = (secrets: string) =>
  `mgconsole --username="$(cat ${secrets}/user)" --password="$(cat ${secrets}/password)"`;

const RUNBOOK_DIR = repoPath('alerts/runbooks');
const runbooks = fs.readdirSync(RUNBOOK_DIR).filter((f) => f.endsWith('.md'));
const read = (file: string) => fs.readFileSync(path.join(RUNBOOK_DIR, file), 'utf8');

/** Code spans and fenced blocks of a Markdown text. */
function codeOf(markdown: string): string[] {
  const fenced = [...markdown.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((m) => m[1]);
  const inline = [...markdown.replace(/```[\s\S]*?```/g, '').matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);
  return [...fenced.flatMap((block) => block.split(/\n(?!\s)/)), ...inline];
}

interface ComposeCommand {
  text: string;
  subcommand: string;
  services: string[];
  /** `sh -c '…'` run in the service's container: the `$VAR`s it expands. */
  containerVariables: string[];
  /** … and the files it reads with `$(cat …)` (credentials secrets-init writes into the service's volumes). */
  containerFiles: string[];
}

const SUBCOMMANDS_WITH_SERVICES = new Set(['ps', 'logs', 'restart', 'up', 'stop', 'start', 'exec', 'rm']);

/** `docker compose …` / `docker-compose …` commands in a piece of code, with the services they name. */
function composeCommands(markdownCode: string): ComposeCommand[] {
  // In a Markdown table a pipe is written `\|`: the shell sees `|`.
  const code = markdownCode.replace(/\\\|/g, '|');
  return [...code.matchAll(/docker[ -]compose((?: (?:-p|-f|--profile) \S+)*) ([a-z]+)((?: [^|&;)\n]*)?)/g)].map((m) => {
    const subcommand = m[2];
    const words = (m[3] ?? '').trim().split(/\s+/).filter(Boolean);
    const operands: string[] = [];
    for (let i = 0; i < words.length; i++) {
      const word = words[i];
      if (word.startsWith('-')) {
        // Options with a separate value.
        if (['--tail', '--since', '-u', '--user', '-w'].includes(word)) {
          i++;
        }
        continue;
      }
      operands.push(word);
      // exec/run: the first operand is the service, the rest its command.
      if (subcommand === 'exec') {
        break;
      }
    }
    const named = SUBCOMMANDS_WITH_SERVICES.has(subcommand) ? operands : [];
    const shell = /sh -c '([^']*)'/.exec(m[0] + code.slice(code.indexOf(m[0]) + m[0].length))?.[1] ?? '';
    return {
      text: m[0],
      subcommand,
      services: named,
      containerVariables: subcommand === 'exec' ? [...shell.matchAll(/\$\{?([A-Z_][A-Z0-9_]*)/g)].map((v) => v[1]) : [],
      containerFiles: subcommand === 'exec' ? [...shell.matchAll(/\$\(cat (\/[^)\s]+)\)/g)].map((v) => v[1]) : [],
    };
  });
}

const commands = runbooks.flatMap((file) =>
  codeOf(read(file)).flatMap((code) => composeCommands(code).map((command) => ({ file, ...command })))
);

describe('docker compose commands in the runbooks', () => {
  it('are found (the check cannot pass on nothing)', () => {
    expect(commands.length).toBeGreaterThan(60);
    expect(commands.filter((c) => c.subcommand === 'exec').length).toBeGreaterThan(10);
  });

  it.each(runbooks)('%s names only services of this stack, or of OpenTruss’s own project with the note saying where to run', (file) => {
    const markdown = read(file);
    for (const command of commands.filter((c) => c.file === file)) {
      for (const service of command.services) {
        if (OPENTRUSS_SERVICES.has(service)) {
          expect(`${command.text}: ${markdown.includes(OPENTRUSS_NOTE.zh) && markdown.includes(OPENTRUSS_NOTE.en)}`).toBe(`${command.text}: true`);
        } else {
          expect(`${command.text}: ${services.has(service)}`).toBe(`${command.text}: true`);
        }
      }
    }
  });

  it('expand inside a container only variables that container has, and read only files it mounts', () => {
    const expanded = commands.filter((c) => c.containerVariables.length + c.containerFiles.length > 0);
    expect(expanded.length).toBeGreaterThan(3);
    for (const command of expanded) {
      const service = command.services[0];
      const env = services.get(service);
      for (const variable of command.containerVariables) {
        expect(`${service} has ${variable}: ${Boolean(env?.has(variable))}`).toBe(`${service} has ${variable}: true`);
      }
      for (const file of command.containerFiles) {
        const mounted = [...(mounts.get(service) ?? [])].some((target) => target && file.startsWith(`${target}/`));
        expect(`${service} mounts ${file}: ${mounted}`).toBe(`${service} mounts ${file}: true`);
      }
    }
  });

  it("log in to mgconsole with the credential files of the Memgraph container it runs in (the stack always has a user)", () => {
    for (const [service, secrets] of Object.entries(MEMGRAPH_SECRETS)) {
      expect(`${service} mounts ${secrets}: ${mounts.get(service)!.has(secrets)}`).toBe(`${service} mounts ${secrets}: true`);
    }
    const mgconsole = [...runbooks.map(read), ...CYPHER_DOCS.filter((f) => !f.startsWith('alerts/runbooks/')).map(readRepoFile)].flatMap((markdown) =>
      codeOf(markdown).filter((code) => /\bmgconsole\b/.test(code) && /docker[ -]compose/.test(code))
    );
    expect(mgconsole.length).toBeGreaterThan(3);
    for (const code of mgconsole) {
      // Single quotes: the files are read inside the container, not in the operator's shell.
      expect(code).toMatch(/docker[ -]compose exec (?:-T )?(memgraph|memgraph-replica) sh -c '/);
      const service = /docker[ -]compose exec (?:-T )?(memgraph|memgraph-replica) sh -c '/.exec(code)![1];
      expect(code).toContain(mgconsoleLogin(MEMGRAPH_SECRETS[service]));
    }
  });

  it('refuse a command naming a service that does not exist (the check bites)', () => {
    const [planted] = composeCommands('docker compose logs --tail=100 memgraph-db');
    expect(planted.services).toEqual(['memgraph-db']);
    expect(services.has('memgraph-db')).toBe(false);
    const [exec] = composeCommands(`docker compose exec memgraph sh -c 'mgconsole --password="$MG_PASS"'`);
    expect(exec.containerVariables).toEqual(['MG_PASS']);
    expect(services.get('memgraph')!.has('MG_PASS')).toBe(false);
    const [file] = composeCommands(`docker compose exec grafana sh -c 'mgconsole --password="$(cat /run/opentruss-secrets/memgraph/password)"'`);
    expect(file.containerFiles).toEqual(['/run/opentruss-secrets/memgraph/password']);
    expect([...mounts.get('grafana')!].some((t) => t && file.containerFiles[0].startsWith(`${t}/`))).toBe(false);
  });
});

const CYPHER_START = /^(?:OPTIONAL MATCH|MATCH|RETURN|CREATE|MERGE|USING|SHOW|CALL|WITH|UNWIND|SET PASSWORD|EXPLAIN|PROFILE)\b/;

/** Cypher statements in a Markdown text: code that starts like Cypher, and what shell commands pipe to mgconsole. */
function cypherOf(markdown: string): string[] {
  return codeOf(markdown).flatMap((code) => {
    const piped = [...code.matchAll(/(?:echo|printf) "([^"]+)"[^|]*\|[^\n]*mgconsole/g)].map((m) => m[1].replace(/\\n$/, ''));
    if (piped.length) {
      return piped;
    }
    // A statement, not a keyword named in prose (`MATCH`, `USING INDEX`): it has a pattern, a call or an end.
    return CYPHER_START.test(code.trim()) && /[(;]/.test(code) ? [code.trim()] : [];
  });
}

/** What the project's lexer and Memgraph's grammar (MemgraphCypher.g4 at v3.12.0) say against a statement. */
function cypherProblems(statement: string): string[] {
  let tokens: Token[];
  try {
    tokens = tokenize(statement).filter((t) => !isTrivia(t));
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
  const problems: string[] = [];
  const words = tokens.map((t) => (t.kind === 'identifier' ? t.text.toUpperCase() : t.text));
  const raw = tokens.map((t) => t.text);
  words.forEach((word, i) => {
    // preQueryDirectives: USING preQueryDirective …, before the query; indexHint: ':' labelName (no variable).
    if (word === 'USING' && words[i + 1] === 'INDEX') {
      if (i !== 0) {
        problems.push('USING INDEX must open the query (a Memgraph pre-query directive), not follow MATCH');
      }
      if (words[i + 2] !== ':') {
        problems.push(`USING INDEX takes :Label(property) without a variable, got "${raw.slice(i + 2, i + 4).join('')}"`);
      }
    }
  });
  return problems;
}

const CYPHER_DOCS = [
  ...runbooks.map((file) => `alerts/runbooks/${file}`),
  'alerts/README.md',
  // docs/: the operator's documentation (the root README only points there).
  ...fs.readdirSync(repoPath('docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`),
];
/** Wrong forms a runbook quotes as wrong (the manual's): they must stay wrong to the check, not pass it. */
const QUOTED_AS_WRONG = new Set(['USING INDEX e:Element(level_id)']);
const found = CYPHER_DOCS.flatMap((file) => cypherOf(readRepoFile(file)).map((statement) => ({ file, statement })));
const statements = found.filter((s) => !QUOTED_AS_WRONG.has(s.statement));

describe('Cypher in the runbooks and READMEs', () => {
  it('is found, including the slow-query runbook’s index hint and what is piped to mgconsole', () => {
    expect(statements.length).toBeGreaterThan(5);
    expect(statements.map((s) => s.statement)).toEqual(
      expect.arrayContaining([
        'USING INDEX :Element(level_id) MATCH (e:Element) WHERE e.level_id = $level_id RETURN e',
        'RETURN 1;',
        'SHOW REPLICAS;',
      ])
    );
  });

  it.each(statements.map((s) => [s.file, s.statement]))('%s: %s', (_file, statement) => {
    expect(cypherProblems(statement)).toEqual([]);
  });

  it("refuses the manual's Neo4j-style hint the slow-query runbook quotes as wrong, and an unterminated string", () => {
    expect(found.filter((s) => QUOTED_AS_WRONG.has(s.statement)).map((s) => s.file)).toContain('alerts/runbooks/DatabaseSlowQuery.md');
    for (const wrong of QUOTED_AS_WRONG) {
      expect(cypherProblems(wrong)).toEqual(['USING INDEX takes :Label(property) without a variable, got "e:"']);
    }
    expect(cypherProblems('MATCH (e:Element) USING INDEX e:Element(level_id) WHERE e.level_id = 1 RETURN e')).toEqual([
      'USING INDEX must open the query (a Memgraph pre-query directive), not follow MATCH',
      'USING INDEX takes :Label(property) without a variable, got "e:"',
    ]);
    expect(cypherProblems("MATCH (n) WHERE n.name = 'open RETURN n").length).toBe(1);
  });
});
