// Validates every manifest in config/kubernetes/ offline against the Kubernetes API's JSON schemas
// (kubernetes-models, generated from Kubernetes' OpenAPI document), finds fields the schemas don't
// know (which they let through), and checks what the schemas can't: the selectors match the pods they select, probes and ports name ports the containers
// have, the grid's grace period outlasts its graceful shutdown, and the Dockerfiles copy only
// what the build makes. Prints one line per check and writes a JUnit report to
// config/target/surefire-reports/TEST-kubernetes.xml; exits 1 when any check fails.
import { readFileSync, readdirSync, existsSync, writeFileSync, mkdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const manifests = join(here, "..");
const root = join(here, "..", "..", "..");

const models = {
  "v1/Namespace": "v1/Namespace",
  "v1/Service": "v1/Service",
  "v1/ConfigMap": "v1/ConfigMap",
  "apps/v1/StatefulSet": "apps/v1/StatefulSet",
  "apps/v1/Deployment": "apps/v1/Deployment",
  "policy/v1/PodDisruptionBudget": "policy/v1/PodDisruptionBudget",
  "autoscaling/v2/HorizontalPodAutoscaler": "autoscaling/v2/HorizontalPodAutoscaler",
};

const results = [];
function check(name, run) {
  try {
    run();
    results.push({ name, ok: true });
    console.log(`ok: ${name}`);
  } catch (e) {
    results.push({ name, ok: false, message: String(e.message ?? e) });
    console.log(`FAILED: ${name}\n  ${String(e.message ?? e).replaceAll("\n", "\n  ")}`);
  }
}
function expect(condition, message) {
  if (!condition) throw new Error(message);
}

const objects = [];
for (const file of readdirSync(manifests).filter((f) => f.endsWith(".yaml")).sort()) {
  for (const document of parseAllDocuments(readFileSync(join(manifests, file), "utf8"))) {
    if (document.errors.length) throw new Error(`${file}: ${document.errors[0].message}`);
    const object = document.toJS();
    if (object) objects.push({ file, object });
  }
}

const deploymentModel = await import("kubernetes-models/apps/v1/Deployment");
const valid = (Model, object) => {
  try {
    new Model(object).validate();
    return true;
  } catch {
    return false;
  }
};

// The schemas let fields they don't know through (a misspelt one is ignored by the API server too,
// silently). A field is known when the schema has a type for it: given a value of another type, the
// manifest no longer validates. Every field of the manifest is tried so; those that still validate
// are unknown.
function unknownFields(Model, object) {
  const unknown = [];
  const walk = (node, path) => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, [...path, i]));
    } else if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        const probe = structuredClone(object);
        const parent = path.reduce((at, step) => at[step], probe);
        parent[key] = typeof value === "boolean" ? "not-a-boolean" : true;
        if (valid(Model, probe)) unknown.push([...path, key].join("."));
        walk(value, [...path, key]);
      }
    }
  };
  walk(object, []);
  return unknown;
}

for (const { file, object } of objects) {
  const path = models[`${object.apiVersion}/${object.kind}`];
  const Model = path && (await import(`kubernetes-models/${path}`))[object.kind];
  check(`${file}: ${object.kind} ${object.metadata?.name} matches the Kubernetes schema`, () => {
    expect(Model, `no schema known for ${object.apiVersion} ${object.kind} (add it to validate.mjs)`);
    new Model(object).validate();
  });
  check(`${file}: ${object.kind} ${object.metadata?.name} has no field the schema doesn't know`, () => {
    const unknown = Model ? unknownFields(Model, object) : [];
    expect(unknown.length === 0, `unknown fields: ${unknown.join(", ")}`);
  });
}

check("the unknown-field check finds a misspelt field", () => {
  const { Deployment } = deploymentModel;
  const misspelt = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "x" },
    spec: {
      selector: { matchLabels: { app: "x" } },
      template: {
        metadata: { labels: { app: "x" } },
        spec: { containers: [{ name: "x", image: "x", imagePullPolicyy: "Always" }] },
      },
    },
  };
  const found = unknownFields(Deployment, misspelt);
  expect(
    JSON.stringify(found) === JSON.stringify(["spec.template.spec.containers.0.imagePullPolicyy"]),
    `found ${JSON.stringify(found)}`,
  );
});

const byKind = (kind) => objects.filter((o) => o.object.kind === kind).map((o) => o.object);
const workloads = [...byKind("StatefulSet"), ...byKind("Deployment")];
const matches = (selector, labels) =>
  Object.keys(selector ?? {}).length > 0 &&
  Object.entries(selector).every(([key, value]) => labels?.[key] === value);

for (const workload of workloads) {
  const pod = workload.spec.template;
  const name = `${workload.kind} ${workload.metadata.name}`;
  check(`${name}: its selector selects its own pods`, () =>
    expect(matches(workload.spec.selector.matchLabels, pod.metadata.labels), "selector and pod labels differ"),
  );
  check(`${name}: probes and Service ports name ports its container has`, () => {
    for (const container of pod.spec.containers) {
      const ports = new Set(container.ports.flatMap((p) => [p.name, p.containerPort]));
      for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
        const port = container[probe]?.httpGet?.port;
        expect(container[probe], `${container.name} has no ${probe}`);
        expect(ports.has(port), `${container.name}'s ${probe} names port ${port}, which it hasn't`);
      }
    }
    const services = byKind("Service").filter((s) => matches(s.spec.selector, pod.metadata.labels));
    expect(services.length > 0, "no Service selects its pods");
    for (const service of services) {
      for (const port of service.spec.ports) {
        const target = port.targetPort ?? port.port;
        const known = pod.spec.containers.some((c) => c.ports.some((p) => p.name === target || p.containerPort === target));
        expect(known, `Service ${service.metadata.name} sends port ${port.port} to ${target}, which no container has`);
      }
    }
  });
  check(`${name}: secrets and settings come from references, not values`, () => {
    for (const container of pod.spec.containers) {
      for (const variable of container.env ?? []) {
        const secret = /PASSWORD|SECRET|KEY/.test(variable.name);
        expect(!secret || variable.valueFrom?.secretKeyRef, `${variable.name} must come from a Secret`);
      }
    }
  });
}

check("the grid: a headless Service that publishes members before they are ready", () => {
  const [grid] = byKind("StatefulSet");
  const service = byKind("Service").find((s) => s.metadata.name === grid.spec.serviceName);
  expect(service, `no Service named ${grid.spec.serviceName}`);
  expect(service.spec.clusterIP === "None", "the grid's Service is not headless");
  expect(service.spec.publishNotReadyAddresses === true, "members must find each other before they are ready");
  const env = Object.fromEntries(grid.spec.template.spec.containers[0].env.map((e) => [e.name, e.value]));
  const dns = `${service.metadata.name}.${service.metadata.namespace}.svc.cluster.local`;
  expect(env["HZ_NETWORK_JOIN_KUBERNETES_SERVICE-DNS"] === dns, `Kubernetes discovery must look up ${dns}`);
  expect(Number(env.COMMERCE_GRID_EXPECTED_MEMBERS) === grid.spec.replicas, "expected members differ from replicas");
});

check("the grid: a disruption budget of one, and a grace period longer than the graceful shutdown", () => {
  const [grid] = byKind("StatefulSet");
  const budget = byKind("PodDisruptionBudget").find((b) => matches(b.spec.selector.matchLabels, grid.spec.template.metadata.labels));
  expect(budget?.spec.maxUnavailable === 1, "no PodDisruptionBudget of maxUnavailable 1 for the grid");
  const hazelcast = readFileSync(join(root, "config", "hazelcast-grid.yaml"), "utf8");
  const wait = Number(/hazelcast\.graceful\.shutdown\.max\.wait:\s*(\d+)/.exec(hazelcast)?.[1]);
  expect(wait > 0, "no hazelcast.graceful.shutdown.max.wait in config/hazelcast-grid.yaml");
  const grace = grid.spec.template.spec.terminationGracePeriodSeconds;
  expect(grace > wait, `terminationGracePeriodSeconds ${grace} is not longer than the shutdown's ${wait} s`);
});

check("the API nodes: an autoscaler for their Deployment, and the members they connect to exist", () => {
  const [api] = byKind("Deployment");
  const scaler = byKind("HorizontalPodAutoscaler").find((h) => h.spec.scaleTargetRef.name === api.metadata.name);
  expect(scaler && scaler.spec.minReplicas >= 2, "no autoscaler keeping at least 2 API nodes");
  const [grid] = byKind("StatefulSet");
  const members = api.spec.template.spec.containers[0].env.find((e) => e.name === "COMMERCE_GRID_MEMBERS").value.split(",");
  const names = Array.from({ length: grid.spec.replicas }, (_, i) =>
    `${grid.metadata.name}-${i}.${grid.spec.serviceName}.${grid.metadata.namespace}.svc.cluster.local:5701`);
  expect(JSON.stringify(members) === JSON.stringify(names), `COMMERCE_GRID_MEMBERS should be ${names}`);
});

for (const dockerfile of readdirSync(join(root, "images")).filter((f) => f.endsWith(".Dockerfile"))) {
  check(`images/${dockerfile}: copies only what the build makes`, () => {
    const copies = readFileSync(join(root, "images", dockerfile), "utf8")
      .split("\n")
      .filter((line) => line.startsWith("COPY "))
      .flatMap((line) => line.split(/\s+/).slice(1, -1));
    expect(copies.length > 0, "no COPY");
    for (const source of copies) {
      expect(existsSync(join(root, source)), `${source} does not exist (mvn -DskipTests package first)`);
    }
  });
}

// a JUnit report, so bin/test counts these checks with the rest
const xml = (text) => text.replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c]);
const cases = results
  .map((r) => r.ok
    ? `<testcase classname="kubernetes" name="${xml(r.name)}"/>`
    : `<testcase classname="kubernetes" name="${xml(r.name)}"><failure message="${xml(r.message)}"/></testcase>`)
  .join("");
const reports = join(root, "config", "target", "surefire-reports");
mkdirSync(reports, { recursive: true });
writeFileSync(
  join(reports, "TEST-kubernetes.xml"),
  `<testsuite name="kubernetes" tests="${results.length}" failures="${results.filter((r) => !r.ok).length}" errors="0" skipped="0">${cases}</testsuite>\n`,
);
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} of ${results.length} checks passed`);
process.exit(failed ? 1 : 0);
