// npm run generate -w alerts — writes every generated file from the alert catalogue.
// Settings: BUSINESS_* (see config.ts).
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, generatedFiles } from '../generate/outputs';
import { settingsFromEnv } from '../config';

function main(): void {
  const settings = settingsFromEnv(process.env);
  if (process.env.GRAFANA_ROOT_URL) {
    console.log("GRAFANA_ROOT_URL is not read any more: the rules' links follow Grafana's root URL when alerts fire.");
  }
  for (const file of generatedFiles(settings)) {
    const target = path.join(REPO_ROOT, file.path);
    const before = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
    if (before !== file.content) {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, file.content);
    }
    console.log(`${before === file.content ? 'unchanged' : 'wrote    '} ${file.path}`);
  }
  console.log(`settings: ${JSON.stringify(settings)}`);
}

try {
  main();
} catch (error) {
  console.error(`alerts: generation failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
