// Turns a kustomization directory into the objects it would apply: with
// `kubectl kustomize` where kubectl is installed; otherwise, for the base
// directories only (no overlays), the files as written plus the ConfigMaps
// their configMapGenerator makes (without the hash suffix kustomize adds).

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseAllDocuments } from "yaml";

// Parses a YAML stream; returns { objects, problems } with positions in errors.
export function parseYaml(text, source) {
  const objects = [];
  const problems = [];
  for (const doc of parseAllDocuments(text)) {
    for (const e of doc.errors ?? []) {
      problems.push(`${source}: YAML: ${e.message.split("\n")[0]}`);
    }
    if ((doc.errors ?? []).length === 0) {
      const value = doc.toJS();
      if (value !== null && value !== undefined) objects.push(value);
    }
  }
  return { objects, problems };
}

// The kubectl to render with: $KUBECTL, else `kubectl` on PATH; null if none
// answers.
export function findKubectl() {
  const candidate = process.env.KUBECTL || "kubectl";
  try {
    execFileSync(candidate, ["version", "--client"], { stdio: "ignore" });
    return candidate;
  } catch {
    return null;
  }
}

export function renderWithKubectl(kubectl, dir) {
  try {
    const out = execFileSync(kubectl, ["kustomize", dir],
        { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return parseYaml(out, `kubectl kustomize ${dir}`);
  } catch (e) {
    const why = String(e.stderr || e.message).trim().split("\n").slice(-3).join(" ");
    return { objects: [], problems: [`kubectl kustomize ${dir} failed: ${why}`] };
  }
}

// Without kubectl: the kustomization's resource files and generated ConfigMaps,
// unpatched. Overlays (resources that are directories) are not followed.
export function renderAsWritten(dir) {
  const source = path.join(dir, "kustomization.yaml");
  const { objects: [k], problems } = parseYaml(fs.readFileSync(source, "utf8"), source);
  const objects = [];
  if (!k) return { objects, problems };
  for (const r of k.resources ?? []) {
    const file = path.join(dir, r);
    if (!fs.existsSync(file)) {
      problems.push(`${source}: resource ${r} does not exist`);
    } else if (fs.statSync(file).isFile()) {
      const parsed = parseYaml(fs.readFileSync(file, "utf8"), file);
      objects.push(...parsed.objects);
      problems.push(...parsed.problems);
    }
  }
  for (const g of k.configMapGenerator ?? []) {
    const data = {};
    for (const f of g.files ?? []) {
      const file = path.join(dir, f);
      if (!fs.existsSync(file)) problems.push(`${source}: ${g.name}: file ${f} does not exist`);
      else data[path.basename(f)] = fs.readFileSync(file, "utf8");
    }
    objects.push({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: g.name }, data });
  }
  return { objects, problems };
}

// Every file a kustomization names (resources, generator files, patch files)
// exists; true for kustomizations kubectl will render anyway, but this runs
// without kubectl too.
export function checkReferences(dir) {
  const source = path.join(dir, "kustomization.yaml");
  const { objects: [k], problems } = parseYaml(fs.readFileSync(source, "utf8"), source);
  if (!k) return problems;
  const named = [
    ...(k.resources ?? []),
    ...(k.components ?? []),
    ...(k.configMapGenerator ?? []).flatMap((g) => g.files ?? []),
    ...(k.patches ?? []).map((p) => p.path).filter(Boolean),
  ];
  for (const r of named) {
    if (!fs.existsSync(path.join(dir, r.replace(/^[^=]+=/, "")))) {
      problems.push(`${source}: ${r} does not exist`);
    }
  }
  return problems;
}
