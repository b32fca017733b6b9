import { readText } from './repo';

export interface DockerfileStage {
  image: string;
  name?: string;
}

export interface DockerfileCopyFrom {
  stage: string;
  source: string;
  destination: string;
}

/** The `FROM image [AS name]` lines of a Dockerfile (line continuations joined, comments dropped). */
export function dockerfileStages(relativePath: string): DockerfileStage[] {
  return dockerfileInstructions(relativePath)
    .filter(([keyword]) => keyword === 'FROM')
    .map(([, args]) => {
      const words = args.filter((w) => !w.startsWith('--'));
      return { image: words[0], name: words[2] };
    });
}

/** The `COPY --from=<stage> <source> <destination>` instructions. */
export function dockerfileCopiesFrom(relativePath: string): DockerfileCopyFrom[] {
  return dockerfileInstructions(relativePath)
    .filter(([keyword, args]) => keyword === 'COPY' && args.some((a) => a.startsWith('--from=')))
    .map(([, args]) => {
      const paths = args.filter((a) => !a.startsWith('--'));
      return { stage: args.find((a) => a.startsWith('--from='))!.slice('--from='.length), source: paths[0], destination: paths[1] };
    });
}

/** `ENV NAME=value` settings (single-line form). */
export function dockerfileEnv(relativePath: string): Record<string, string> {
  return Object.fromEntries(
    dockerfileInstructions(relativePath)
      .filter(([keyword]) => keyword === 'ENV')
      .flatMap(([, args]) => args.map((pair) => pair.split('=', 2) as [string, string]))
  );
}

/** Every instruction as `[KEYWORD, words]`, in order (line continuations joined, comments dropped). */
export function dockerfileInstructions(relativePath: string): Array<[string, string[]]> {
  return readText(relativePath)
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [keyword, ...args] = line.split(/\s+/);
      return [keyword.toUpperCase(), args];
    });
}
