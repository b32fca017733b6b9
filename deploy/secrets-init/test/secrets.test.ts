import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  CREDENTIALS,
  SECRET_FILES,
  ensureSecrets,
  generatePassword,
  type Credential,
} from "../src";
import { logLinesAsText } from "@opentruss/contract";

const byKey = (key: Credential["key"]) =>
  CREDENTIALS.find((c) => c.key === key)!;

function freshRoot(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "secrets-init-"));
  for (const credential of CREDENTIALS) {
    fs.mkdirSync(path.join(root, credential.key));
  }
  return root;
}

const read = (root: string, key: string, file: string) =>
  fs.readFileSync(path.join(root, key, file), "utf8");

describe("ensureSecrets", () => {
  let root: string;
  beforeEach(() => {
    root = freshRoot();
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it("generates a different strong password per credential at first start, with no default anywhere", () => {
    const outcomes = ensureSecrets(root, {});
    expect(outcomes.map((o) => o.source)).toEqual(
      CREDENTIALS.map(() => "generated"),
    );
    const passwords = CREDENTIALS.map((c) =>
      read(root, c.key, SECRET_FILES.password),
    );
    expect(new Set(passwords).size).toBe(CREDENTIALS.length);
    for (const password of passwords) {
      expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect([
        "viewer",
        "admin",
        "change-me-memgraph",
        "opentruss",
      ]).not.toContain(password);
    }
    expect(read(root, "grafana-admin", SECRET_FILES.user)).toBe("admin");
  });

  it("never overwrites a password it generated before (a re-run keeps every file as it was)", () => {
    ensureSecrets(root, {});
    const before = CREDENTIALS.map((c) =>
      read(root, c.key, SECRET_FILES.password),
    );
    const outcomes = ensureSecrets(root, {});
    expect(outcomes.map((o) => o.source)).toEqual(
      CREDENTIALS.map(() => "kept"),
    );
    expect(
      CREDENTIALS.map((c) => read(root, c.key, SECRET_FILES.password)),
    ).toEqual(before);
  });

  it("lets a password set in .env win, and keeps it when the variable is later unset", () => {
    ensureSecrets(root, {});
    const outcome = ensureSecrets(root, {
      GRAFANA_ADMIN_PASSWORD: "chosen-by-the-operator",
    });
    expect(outcome.find((o) => o.key === "grafana-admin")!.source).toBe(
      "from-environment",
    );
    expect(read(root, "grafana-admin", SECRET_FILES.password)).toBe(
      "chosen-by-the-operator",
    );
    expect(
      ensureSecrets(root, { GRAFANA_ADMIN_PASSWORD: "" }).find(
        (o) => o.key === "grafana-admin",
      )!.source,
    ).toBe("kept");
    expect(read(root, "grafana-admin", SECRET_FILES.password)).toBe(
      "chosen-by-the-operator",
    );
  });

  it("writes Memgraph's passfile and the gateway's viewers file from the current user and password", () => {
    ensureSecrets(root, {
      MEMGRAPH_USER: "ops",
      MEMGRAPH_PASSWORD: "a:b",
      GATEWAY_VIEWER_USER: "wall",
      GATEWAY_VIEWER_PASSWORD: "p",
    });
    expect(read(root, "memgraph", SECRET_FILES.memgraphPassfile)).toBe(
      "ops:a\\:b\n",
    );
    expect(read(root, "gateway-viewer", SECRET_FILES.gatewayViewers)).toBe(
      "wall:p\n",
    );
    const replicaPassword = read(
      root,
      "memgraph-replica",
      SECRET_FILES.password,
    );
    expect(read(root, "memgraph-replica", SECRET_FILES.memgraphPassfile)).toBe(
      `opentruss_reader:${replicaPassword}\n`,
    );
    // A new user name is picked up by the derived files, the password stays.
    ensureSecrets(root, { GATEWAY_VIEWER_USER: "screens" });
    expect(read(root, "gateway-viewer", SECRET_FILES.gatewayViewers)).toBe(
      "screens:p\n",
    );
  });

  it("writes files read-only for their owner and readable by the readers (other uids)", () => {
    ensureSecrets(root, {});
    const mode =
      fs.statSync(path.join(root, "memgraph", SECRET_FILES.password)).mode &
      0o777;
    expect(mode).toBe(0o444);
    // Re-writing a read-only file works (rename over it), e.g. when .env sets a new value.
    ensureSecrets(root, { MEMGRAPH_PASSWORD: "second" });
    expect(read(root, "memgraph", SECRET_FILES.password)).toBe("second");
  });

  it.each([
    ["GATEWAY_VIEWER_PASSWORD", "a,b", /GATEWAY_VIEWER_PASSWORD contains ","/],
    ["MEMGRAPH_PASSWORD", "x\\y", /MEMGRAPH_PASSWORD contains "\\"/],
    [
      "MEMGRAPH_REPLICA_PASSWORD",
      "two\nlines",
      /MEMGRAPH_REPLICA_PASSWORD contains a control character/,
    ],
    [
      "GRAFANA_ADMIN_PASSWORD",
      " padded ",
      /GRAFANA_ADMIN_PASSWORD starts or ends with white space/,
    ],
    ["GATEWAY_VIEWER_USER", "a:b", /GATEWAY_VIEWER_USER contains ":"/],
  ])(
    "refuses %s=%j with a message naming the variable, leaving the files as they were",
    (variable, value, message) => {
      ensureSecrets(root, {});
      const before = CREDENTIALS.map((c) =>
        read(root, c.key, SECRET_FILES.password),
      );
      expect(() => ensureSecrets(root, { [variable]: value })).toThrow(message);
      expect(
        CREDENTIALS.map((c) => read(root, c.key, SECRET_FILES.password)),
      ).toEqual(before);
    },
  );

  it("checks every value from the environment before writing anything: a bad last one leaves a fresh install empty", () => {
    expect(() =>
      ensureSecrets(root, {
        MEMGRAPH_PASSWORD: "fine",
        GRAFANA_ADMIN_PASSWORD: "bad\n",
      }),
    ).toThrow(/GRAFANA_ADMIN_PASSWORD/);
    for (const credential of CREDENTIALS) {
      expect(fs.readdirSync(path.join(root, credential.key))).toEqual([]);
    }
  });

  it("names the volume to mount when a folder is missing", () => {
    fs.rmSync(path.join(root, "grafana-admin"), { recursive: true });
    expect(() => ensureSecrets(root, {})).toThrow(
      /mount the volume secrets-grafana-admin there/,
    );
  });

  it("generates unpredictable passwords", () => {
    const many = new Set(Array.from({ length: 1000 }, generatePassword));
    expect(many.size).toBe(1000);
  });
});

describe("the command (as the container runs it)", () => {
  it("prints where to read each password and never a password", () => {
    const root = freshRoot();
    try {
      const env = {
        ...process.env,
        SECRETS_ROOT: root,
        GATEWAY_VIEWER_PASSWORD: "visible-in-env-only",
      };
      const run = spawnSync(
        process.execPath,
        ["--import", "tsx", path.join(__dirname, "../src/main.ts")],
        { env, encoding: "utf8" },
      );
      expect(run.status).toBe(0);
      const passwords = CREDENTIALS.map((c) =>
        read(root, c.key, SECRET_FILES.password),
      );
      for (const password of passwords) {
        expect(run.stdout + run.stderr).not.toContain(password);
      }
      expect(logLinesAsText(run.stdout)).toContain(
        `grafana-admin: user "admin", password generated (first start); read it with: docker compose exec grafana cat ${root}/grafana-admin/password`,
      );
      expect(logLinesAsText(run.stdout)).toContain(
        'gateway-viewer: user "viewer", password taken from the environment (.env)',
      );
      const bad = spawnSync(
        process.execPath,
        ["--import", "tsx", path.join(__dirname, "../src/main.ts")],
        {
          env: { ...env, GATEWAY_VIEWER_PASSWORD: "a,b" },
          encoding: "utf8",
        },
      );
      expect(bad.status).toBe(1);
      expect(logLinesAsText(bad.stderr)).toMatch(
        /GATEWAY_VIEWER_PASSWORD contains ","/,
      );
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
