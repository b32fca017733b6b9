// The file the replication-setup and replication-exporter containers run: src/main.ts bundled by esbuild as the
// Dockerfile does, started with the settings docker-compose.yml gives them (password files included).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildSync } from "esbuild";
import { freePort } from "@opentruss/tooling/testing";
import {
  startEmulatedReplication,
  type EmulatedPair,
} from "../testing/memgraph-replication";
import { logLinesAsText } from "@opentruss/contract";

let dir: string;
let bundle: string;
let pair: EmulatedPair;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "opentruss-replication-"));
  bundle = path.join(dir, "main.js");
  buildSync({
    entryPoints: [path.join(__dirname, "../src/main.ts")],
    bundle: true,
    platform: "node",
    target: "node22",
    outfile: bundle,
    logLevel: "silent",
  });
  fs.writeFileSync(path.join(dir, "main-password"), "main-secret");
  fs.writeFileSync(path.join(dir, "replica-password"), "replica-secret");
});
beforeEach(async () => {
  pair = await startEmulatedReplication({
    mainUsers: { opentruss: "main-secret" },
    replicaUsers: { opentruss_reader: "replica-secret" },
  });
});
afterEach(() => pair.stop());
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, [bundle, ...args], {
    env: {
      PATH: process.env.PATH!,
      MEMGRAPH_MAIN_URL: pair.main.url,
      MEMGRAPH_MAIN_USER: "opentruss",
      MEMGRAPH_MAIN_PASSWORD_FILE: path.join(dir, "main-password"),
      MEMGRAPH_REPLICA_URL: pair.replica.url,
      MEMGRAPH_REPLICA_USER: "opentruss_reader",
      MEMGRAPH_REPLICA_PASSWORD_FILE: path.join(dir, "replica-password"),
      REPLICATION_SETUP_INTERVAL_MS: "100",
      ...env,
    },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", resolve),
  );
  return { child, exited, output: () => output };
}

it("setup: demotes, registers, exits 0; run again, changes nothing and exits 0; never prints a password", async () => {
  const first = run(["setup"], {});
  expect(await first.exited).toBe(0);
  // One JSON line per event (the stack's log format, @opentruss/contract).
  const lines = first
    .output()
    .trim()
    .split("\n")
    .map(
      (line) =>
        JSON.parse(line) as { service: string; level: string; msg: string },
    );
  expect(lines).toContainEqual(
    expect.objectContaining({
      service: "replication-setup",
      level: "info",
      msg: "observability_replica registered on MAIN: ASYNC to memgraph-replica:10000",
    }),
  );
  expect(lines.at(-1)).toEqual(
    expect.objectContaining({ service: "replication-setup", msg: "done" }),
  );
  const again = run(["setup"], {});
  expect(await again.exited).toBe(0);
  expect(again.output()).toContain(
    "observability_replica is already registered on MAIN (memgraph-replica:10000, async)",
  );
  expect(first.output() + again.output()).not.toMatch(
    /main-secret|replica-secret/,
  );
}, 60_000);

it("setup with a wrong password file: exits 1 naming the file", async () => {
  fs.writeFileSync(path.join(dir, "stale"), "stale");
  const failing = run(["setup"], {
    MEMGRAPH_REPLICA_PASSWORD_FILE: path.join(dir, "stale"),
  });
  expect(await failing.exited).toBe(1);
  expect(logLinesAsText(failing.output())).toContain(
    `refused the login of user "opentruss_reader": the password in ${path.join(dir, "stale")} (MEMGRAPH_REPLICA_PASSWORD_FILE)`,
  );
}, 60_000);

it("exporter: serves /metrics and exits 0 on SIGTERM", async () => {
  pair.state.replicaRole = "replica";
  pair.state.registered.push({
    name: "observability_replica",
    address: "memgraph-replica:10000",
    mode: "async",
  });
  const port = await freePort();
  const exporter = run(["exporter"], {
    REPLICATION_EXPORTER_PORT: String(port),
  });
  try {
    const deadline = Date.now() + 20_000;
    let text = "";
    while (
      !text.includes(
        'opentruss_replication_replica_up{replica="observability_replica"} 1',
      ) &&
      Date.now() < deadline
    ) {
      text = await fetch(`http://127.0.0.1:${port}/metrics`).then(
        (r) => r.text(),
        () => "",
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(text).toContain(
      'opentruss_replication_replica_up{replica="observability_replica"} 1',
    );
  } finally {
    exporter.child.kill("SIGTERM");
  }
  expect(await exporter.exited).toBe(0);
}, 60_000);
