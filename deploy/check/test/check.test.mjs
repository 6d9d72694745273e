// The offline deployment checks pass on the repository's deploy/ tree and fail,
// naming the problem, on copies of it broken one way at a time.
//   node --test deploy/check/test/   (scripts/test.sh runs it through ctest)
// DECLUTTER_SERVER_PATH, when set, is the server binary whose flags are known.

import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import test from "node:test";
import { fileURLToPath } from "node:url";

import { runChecks } from "../check.mjs";
import { findKubectl } from "../lib/kustomize_render.mjs";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const serverBinary = process.env.DECLUTTER_SERVER_PATH || null;
const kubectl = findKubectl();
if (!kubectl) console.log("deploy-check test: SKIPPED rendering: kubectl is not installed");

// A copy of what the checks read, with `edits` applied: { "relative/path":
// (text) => newText }. Each edit must change its file, so a test cannot pass
// because its edit silently missed.
function brokenCopy(edits) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "declutter-deploy-"));
  for (const p of ["README.md", ".dockerignore", "scripts", "deploy"]) {
    fs.cpSync(path.join(repo, p), path.join(dir, p), {
      recursive: true,
      filter: (src) => !src.includes(`${path.sep}node_modules`),
    });
  }
  for (const [file, edit] of Object.entries(edits)) {
    const full = path.join(dir, file);
    const before = fs.readFileSync(full, "utf8");
    const after = edit(before);
    assert.notEqual(after, before, `the edit of ${file} changed nothing`);
    fs.writeFileSync(full, after);
  }
  return dir;
}

async function problemsOf(edits) {
  const root = brokenCopy(edits);
  try {
    return (await runChecks({ root, serverBinary, kubectl })).problems;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

function assertFlags(problems, pattern) {
  assert.ok(problems.some((p) => pattern.test(p)),
      `expected a problem matching ${pattern}, got:\n  ${problems.join("\n  ") || "(none)"}`);
}

const deployment = "deploy/k8s/base/deployment.yaml";

test("the repository's deploy tree passes every check", async () => {
  const { problems, notes } = await runChecks({ root: repo, serverBinary, kubectl });
  for (const n of notes) console.log(`deploy-check: ${n}`);
  assert.deepEqual(problems, []);
});

test("a YAML syntax error is reported with its file", async () => {
  assertFlags(await problemsOf({ [deployment]: (t) => t.replace("  replicas: 2", "  replicas: [2") }),
      /deployment\.yaml: YAML/);
});

test("a misspelt field is an unknown field", async () => {
  assertFlags(await problemsOf({ [deployment]: (t) => t.replace("readinessProbe:", "readinesProbe:") }),
      /unknown field .*readinesProbe/);
});

test("a wrong type is a schema error", async () => {
  assertFlags(await problemsOf({ [deployment]: (t) => t.replace("  replicas: 2", "  replicas: two") }),
      /schema: .*replicas must be integer/);
});

test("a probe on a port the server does not serve health on fails", async () => {
  assertFlags(await problemsOf({ [deployment]: (t) => t.replace("port: 50051\n              service", "port: 50055\n              service") }),
      /readinessProbe port 50055/);
});

test("moving the server's port without the Deployment's fails", async () => {
  assertFlags(await problemsOf({ "deploy/k8s/base/server.flags": (t) => t.replace("--listen=0.0.0.0:50051", "--listen=0.0.0.0:50061") }),
      /container port "grpc" is 50051 but --listen serves 50061/);
});

test("a grace period shorter than pause plus drain fails", async () => {
  assertFlags(await problemsOf({ [deployment]: (t) => t.replace("terminationGracePeriodSeconds: 40", "terminationGracePeriodSeconds: 25") }),
      /terminationGracePeriodSeconds 25 is not more than the preStop pause 10 s \+ --shutdown_grace 20 s/);
});

test("a Service selecting no pods fails", async () => {
  assertFlags(await problemsOf({ "deploy/k8s/base/service-headless.yaml": (t) => t.replace("component: server\nspec", "component: server\nspec").replace(/selector:\n(\s+)app.kubernetes.io\/name: declutter/, "selector:\n$1app.kubernetes.io/name: declutter-typo") }),
      /Service declutter-headless: its selector matches no Deployment's pods/);
});

test("a server without its NetworkPolicy fails", async () => {
  assertFlags(await problemsOf({ "deploy/k8s/base/kustomization.yaml": (t) => t.replace("  - networkpolicy.yaml\n", "") }),
      /Deployment declutter: no Ingress NetworkPolicy selects its pods/);
});

test("a NetworkPolicy admitting the gRPC port from anywhere fails", async () => {
  assertFlags(await problemsOf({ "deploy/k8s/base/networkpolicy.yaml": (t) => t.replace(/  ingress:\n    - from:\n(?:.*\n)*?      ports:\n/, "  ingress:\n    - ports:\n") }),
      /admits container port "grpc" \(50051\) from anywhere/);
});

test("a NetworkPolicy admitting the health port fails", { skip: kubectl ? false : "overlays need kubectl" }, async () => {
  assertFlags(await problemsOf({ "deploy/k8s/base/networkpolicy.yaml": (t) => t.replace("        - port: 50051\n", "        - port: 50051\n        - port: 50052\n") }),
      /overlays\/prod-tls: .*a NetworkPolicy rule admits the plaintext health port 50052/);
});

test("a pod that may run as root fails", async () => {
  assertFlags(await problemsOf({ [deployment]: (t) => t.replace("runAsNonRoot: true", "runAsNonRoot: false") }),
      /runAsNonRoot is not true/);
});

test("shards that do not match completions fail", async () => {
  assertFlags(await problemsOf({ "deploy/k8s/batch/job.yaml": (t) => t.replace('value: "4"', 'value: "5"') }),
      /--shard splits into 5 but completions is 4/);
});

test("a Dockerfile that builds with its own commands fails", async () => {
  assertFlags(await problemsOf({ "deploy/Dockerfile": (t) => t.replace("bash scripts/build.sh declutter-server declutter", "cmake -S . -B /build && cmake --build /build") }),
      /build stage does not run scripts\/build\.sh|runs cmake itself/);
});

test("a Dockerfile running as root fails", async () => {
  assertFlags(await problemsOf({ "deploy/Dockerfile": (t) => t.replace("USER 10001:10001", "USER root") }),
      /USER is "root": expected a numeric uid/);
});

test("an unknown server flag fails", { skip: serverBinary ? false : "DECLUTTER_SERVER_PATH not set" }, async () => {
  assertFlags(await problemsOf({ "deploy/k8s/base/server.flags": (t) => t.replace("--page_budget=10s", "--page_budjet=10s") }),
      /--page_budjet is not a declutter-server flag/);
});

test("TLS with probes still on the TLS port fails", { skip: kubectl ? false : "overlays need kubectl" }, async () => {
  assertFlags(await problemsOf({ "deploy/k8s/overlays/prod-tls/kustomization.yaml": (t) => t.replace(/- op: replace\n\s+path: \/spec\/template\/spec\/containers\/0\/readinessProbe\/grpc\/port\n\s+value: 50052\n\s+/, "") }),
      /overlays\/prod-tls: .*readinessProbe port 50051 does not serve plaintext health checks: the server speaks TLS/);
});
