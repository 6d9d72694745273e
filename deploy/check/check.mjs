// Offline checks of declutter's deployment: the Dockerfile and every
// Kubernetes manifest under deploy/k8s. No cluster and no Docker engine needed.
//
//   node deploy/check/check.mjs [--root REPO] [--server-binary PATH]
//
// 1. Every YAML file parses; every kustomization names files that exist.
// 2. Every overlay renders with `kubectl kustomize` (when kubectl is installed;
//    otherwise this says so and checks the bases as written), and every object
//    is valid against the Kubernetes schemas, unknown fields included.
// 3. Cross-checks: probe and container ports against the server's flags, the
//    grace period against preStop pause + drain, workers against CPUs, Service
//    and PDB selectors, HPA target, the Job's shards against its completions and
//    its --server against a headless Service, hardening of every pod.
// 4. Flag names against `declutter-server --helpfull` (with --server-binary).
// 5. The Dockerfile (lib/dockerfile_rules.mjs), and its uid against the pods'.
// Exit status 0 when everything holds, 1 when anything does not.

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { checkBatchJob, checkServerCompanions, checkServerDeployment } from "./lib/deploy_rules.mjs";
import { checkDockerfile } from "./lib/dockerfile_rules.mjs";
import { checkReferences, findKubectl, parseYaml, renderAsWritten, renderWithKubectl } from "./lib/kustomize_render.mjs";
import { validateObject } from "./lib/manifest_schema.mjs";

// Flag names the server binary knows, from its --helpfull; null without one.
export function serverFlags(binary) {
  if (!binary) return null;
  let text;
  try {
    text = execFileSync(binary, ["--helpfull"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    text = String(e.stdout ?? "");  // absl exits 1 after printing help
  }
  const names = new Set([...text.matchAll(/^\s+--([A-Za-z0-9_]+) \(/gm)].map((m) => m[1]));
  return names.size > 0 ? names : null;
}

function yamlFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return yamlFiles(p);
    return /\.ya?ml$/.test(e.name) ? [p] : [];
  }).sort();
}

// Runs every check over the repository at `root`. Returns { problems, notes }.
export async function runChecks({ root, serverBinary = null, kubectl = findKubectl() }) {
  const problems = [];
  const notes = [];
  const k8s = path.join(root, "deploy", "k8s");
  const rel = (p) => path.relative(root, p);

  // 1. Parsing and references.
  const kustomizations = [];
  for (const file of yamlFiles(k8s)) {
    const parsed = parseYaml(fs.readFileSync(file, "utf8"), rel(file));
    problems.push(...parsed.problems);
    if (path.basename(file) === "kustomization.yaml") kustomizations.push(path.dirname(file));
  }
  for (const dir of kustomizations) problems.push(...checkReferences(dir).map((p) => p.replace(root + "/", "")));

  // 2. Renderings.
  const renderings = [];  // { dir, objects }
  if (kubectl) {
    notes.push(`rendered ${kustomizations.length} kustomizations with ${kubectl} kustomize`);
    for (const dir of kustomizations) {
      const r = renderWithKubectl(kubectl, dir);
      problems.push(...r.problems.map((p) => p.replace(root + "/", "")));
      renderings.push({ dir: rel(dir), objects: r.objects });
    }
  } else {
    notes.push("SKIPPED: kubectl is not installed, so the overlays were not rendered; " +
        "checked deploy/k8s/base and deploy/k8s/batch as written, and each overlay's own files");
    for (const dir of kustomizations) {
      const r = renderAsWritten(dir);
      problems.push(...r.problems.map((p) => p.replace(root + "/", "")));
      const isBase = !fs.readFileSync(path.join(dir, "kustomization.yaml"), "utf8")
          .match(/^\s*-\s*\.\.\//m);
      if (isBase) renderings.push({ dir: rel(dir), objects: r.objects });
    }
  }

  // 3-4. Schemas and cross-checks on every rendering.
  const knownFlags = serverFlags(serverBinary);
  if (!knownFlags) notes.push("flag names not checked: no --server-binary");
  const servers = renderings.filter((r) => r.objects.some((o) => o.kind === "Deployment"));
  let objectCount = 0;
  for (const { dir, objects } of renderings) {
    for (const o of objects) {
      ++objectCount;
      for (const p of await validateObject(o)) problems.push(`${dir}: ${o.kind} ${o.metadata?.name}: ${p}`);
    }
    const here = (list) => problems.push(...list.map((p) => `${dir}: ${p}`));
    for (const d of objects.filter((o) => o.kind === "Deployment")) {
      here(checkServerDeployment(d, objects, knownFlags));
    }
    here(checkServerCompanions(objects));
    for (const job of objects.filter((o) => o.kind === "Job")) {
      // The server rendering this Job runs against: same namespace.
      const ns = job.metadata?.namespace;
      const server = servers.find((s) => s.objects.some(
          (o) => o.kind === "Deployment" && o.metadata?.namespace === ns));
      if (!server) notes.push(`${dir}: no server manifests in namespace ${ns ?? "(none)"}; --server checked for form only`);
      here(checkBatchJob(job, server?.objects));
    }
  }
  notes.push(`validated ${objectCount} objects in ${renderings.length} renderings`);

  // 5. The image.
  const image = checkDockerfile(root);
  problems.push(...image.problems);
  const pods = renderings.flatMap((r) => r.objects)
      .map((o) => o.spec?.template?.spec).filter(Boolean);
  for (const pod of pods) {
    const uid = pod.securityContext?.runAsUser;
    if (image.uid !== undefined && uid !== undefined && uid !== image.uid) {
      problems.push(`a pod runs as uid ${uid} but the image's USER is ${image.uid}`);
    }
  }
  const base = renderings.find((r) => r.dir.endsWith(path.join("k8s", "base")));
  for (const port of (base?.objects ?? []).filter((o) => o.kind === "Deployment")
      .flatMap((d) => d.spec.template.spec.containers.flatMap((c) => c.ports ?? []))) {
    if (image.ports && !image.ports.includes(port.containerPort)) {
      problems.push(`deploy/Dockerfile does not EXPOSE ${port.containerPort} (${port.name})`);
    }
  }
  return { problems: [...new Set(problems)], notes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : fallback;
  };
  const root = path.resolve(option("--root", path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..")));
  const { problems, notes } = await runChecks({ root, serverBinary: option("--server-binary", null) });
  for (const n of notes) console.log(`deploy-check: ${n}`);
  for (const p of problems) console.log(`deploy-check: FAIL ${p}`);
  console.log(problems.length === 0 ? "deploy-check: all checks passed"
                                    : `deploy-check: ${problems.length} problems`);
  process.exit(problems.length === 0 ? 0 : 1);
}
