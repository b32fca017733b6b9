// The file the `backup` container runs (src/main.ts bundled by esbuild as the Dockerfile does), used the way
// docs/backups.md uses it: one-off `backup full|incremental`, `verify`, `list`, `restore --into`.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildSync } from "esbuild";
import {
  FakeMemgraph,
  FakeRestoreCheck,
  temporaryDir,
} from "./support/fake-memgraph";
import { logLinesAsText } from "@opentruss/contract";

let bundle: string;
let main: FakeMemgraph;
let restoreCheck: FakeRestoreCheck;
let backupDir: string;
let secrets: string;

beforeAll(() => {
  bundle = path.join(temporaryDir("bundle"), "main.js");
  buildSync({
    entryPoints: [path.join(__dirname, "../src/main.ts")],
    bundle: true,
    platform: "node",
    target: "node22",
    outfile: bundle,
    logLevel: "silent",
  });
});

beforeEach(async () => {
  main = await new FakeMemgraph().start({ opentruss: "memgraph-pw" });
  backupDir = temporaryDir("cli");
  restoreCheck = await new FakeRestoreCheck(backupDir).start();
  secrets = temporaryDir("secrets");
  fs.writeFileSync(path.join(secrets, "password"), "memgraph-pw\n");
});

afterEach(async () => {
  await Promise.all([main.stop(), restoreCheck.stop()]);
  for (const dir of [backupDir, secrets]) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

afterAll(() =>
  fs.rmSync(path.dirname(bundle), { recursive: true, force: true }),
);

function cli(
  ...args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [bundle, ...args], {
    env: {
      PATH: process.env.PATH,
      MEMGRAPH_URL: main.server.url,
      MEMGRAPH_USER: "opentruss",
      MEMGRAPH_PASSWORD_FILE: path.join(secrets, "password"),
      BACKUP_RESTORE_CHECK_URL: restoreCheck.server.url,
      BACKUP_DIR: backupDir,
      BACKUP_MEMGRAPH_DATA_DIR: main.dataDir,
    },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) =>
    child.on("exit", (code) => resolve({ code, stdout, stderr })),
  );
}

it("backs up, lists, verifies and restores as one-off commands", async () => {
  main.commit();
  const full = await cli("full");
  expect(full).toMatchObject({ code: 0, stderr: "" });
  expect(logLinesAsText(full.stdout)).toMatch(
    /^\[backup\] full backup \d{8}T\d{9}Z-full: 2 files, \d+ bytes$/m,
  );
  main.commit(10, { elements: 5 });
  expect((await cli("incremental")).code).toBe(0);

  const list = await cli("list");
  expect(list.stdout.trim().split("\n")).toEqual([
    expect.stringMatching(
      /^\d{8}T\d{9}Z-full\t\d+ bytes\t2 files\tchain \d{8}T\d{9}Z-full\tlots=40 elements=1200 approvals=75$/,
    ),
    expect.stringMatching(
      /^\d{8}T\d{9}Z-incremental\t\d+ bytes\t1 files\tchain \d{8}T\d{9}Z-full\tlots=40 elements=1205 approvals=75$/,
    ),
  ]);

  const verify = await cli("verify");
  expect(verify.code).toBe(0);
  expect(verify.stdout).toMatch(/verification of \d{8}T\d{9}Z-full succeeded/);

  const into = temporaryDir("restore-into");
  // The documented command runs as root and hands the files to Memgraph's user 101:103; a non-root run of this test
  // can only hand them to itself.
  const owner =
    process.getuid!() === 0
      ? { uid: 101, gid: 103 }
      : { uid: process.getuid!(), gid: process.getgid!() };
  const restore = await cli(
    "restore",
    "--into",
    into,
    "--owner",
    `${owner.uid}:${owner.gid}`,
  );
  expect(restore.code).toBe(0);
  expect(restore.stdout).toMatch(
    /restore up to \d{8}T\d{9}Z-incremental: chain .*-full → .*-incremental/,
  );
  expect(fs.readdirSync(path.join(into, "wal"))).toEqual(main.walFiles());
  expect(fs.readdirSync(path.join(into, "snapshots"))).toHaveLength(1);
  for (const entry of [".", "snapshots", "wal", `wal/${main.walFiles()[0]}`]) {
    expect(fs.statSync(path.join(into, entry))).toMatchObject(owner);
  }
  fs.rmSync(into, { recursive: true, force: true });

  for (const output of [full, list, verify, restore]) {
    expect(output.stdout + output.stderr).not.toContain("memgraph-pw");
  }
  // The password came from MEMGRAPH_PASSWORD_FILE: the server accepts only opentruss / memgraph-pw.
  expect(
    main.server.connections.filter((c) => c.principal === "opentruss").length,
  ).toBeGreaterThan(0);
}, 60_000);

it("exits 1 with the reason when the backup fails or the command is wrong", async () => {
  await main.server.stop();
  const failed = await cli("full");
  expect(failed.code).toBe(1);
  expect(logLinesAsText(failed.stdout)).toMatch(/\[backup\] full failed: /);
  const wrong = await cli("weekly");
  expect(wrong.code).toBe(1);
  expect(logLinesAsText(wrong.stderr).trim()).toMatch(
    /^\[backup\] usage: backup \[serve \| full \| incremental/,
  );
}, 60_000);
