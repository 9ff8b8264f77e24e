// Validates intake's exports with validators no one here wrote: FHIR.js for
// R4 structure (elements, types, cardinality, unknown names), fhirpath.js for
// the R4 invariants in invariants.json, and Ajv for the summary JSON against
// schemas/summary.schema.json. Each file is a FHIR resource, a summary, or
// an insta snapshot of either; prints every error and exits 1 if any.
"use strict";
const fs = require("fs");
const path = require("path");
const { Fhir } = require("fhir");
const fhirpath = require("fhirpath");
const r4 = require("fhirpath/fhir-context/r4");
const Ajv2020 = require("ajv/dist/2020");
const addFormats = require("ajv-formats");

const root = path.join(__dirname, "..", "..");
const schema = JSON.parse(fs.readFileSync(path.join(root, "schemas/summary.schema.json")));
const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
addFormats(ajv);
const summary = ajv.compile(schema);
const fhir = new Fhir();
const { invariants } = JSON.parse(fs.readFileSync(path.join(__dirname, "invariants.json")));

// An insta snapshot is a YAML header between "---" lines, then the text.
function parse(file) {
  let text = fs.readFileSync(file, "utf8");
  if (file.endsWith(".snap")) text = text.split(/^---$/m).slice(2).join("---");
  return JSON.parse(text);
}

// FHIR.js does not follow the recursive item.item (and answer.item) of
// Questionnaire and QuestionnaireResponse, so each nested item is also
// checked as a top-level one, without its children.
function hoisted(resource) {
  if (!["Questionnaire", "QuestionnaireResponse"].includes(resource.resourceType)) return [];
  const out = [];
  const walk = (items) =>
    (items || []).forEach((item) => {
      const flat = { ...item };
      delete flat.item;
      if (flat.answer) flat.answer = flat.answer.map(({ item: _, ...a }) => a);
      out.push(flat);
      walk(item.item);
      (item.answer || []).forEach((a) => walk(a.item));
    });
  walk(resource.item);
  const { resourceType, status } = resource;
  return out.length ? [{ resourceType, status, item: out }] : [];
}

function structure(resource) {
  const inner = (resource.entry || []).map((e) => e.resource).filter(Boolean);
  const all = [resource, ...[resource, ...inner].flatMap(hoisted)].flatMap(structureOf);
  return [...new Set(all)];
}

function structureOf(resource) {
  const result = fhir.validate(resource, { errorOnUnexpected: true });
  return result.messages
    .filter((m) => m.severity === "error")
    .map((m) => `${m.location}: ${m.message}`);
}

// Every invariant of the resource's type on the nodes it applies to; a
// warning-level one is reported as such, and does not fail the run.
function invariantsOf(resource) {
  const out = [];
  for (const inv of invariants) {
    if (inv.resource !== "*" && inv.resource !== resource.resourceType) continue;
    const env = { resource };
    const nodes = fhirpath.evaluate(resource, inv.context, env, r4, { resolveInternalTypes: false });
    nodes.forEach((node, n) => {
      const ok = fhirpath.evaluate(node, inv.expression, env, r4);
      if (ok.length !== 1 || ok[0] !== true) {
        const data = node && node.data !== undefined ? node.data : node;
        const where = data && data.linkId ? `linkId ${data.linkId}` : `node ${n}`;
        out.push(`${inv.severity === "warning" ? "warning " : ""}${inv.key} (${where}): ${inv.human}`);
      }
    });
  }
  return out;
}

function fhirErrors(resource) {
  const inner = (resource.entry || []).map((e) => e.resource).filter(Boolean);
  const each = [resource, ...inner].flatMap((r) =>
    invariantsOf(r).map((m) => `${r.resourceType}: ${m}`),
  );
  return [...structure(resource), ...each];
}

function summaryErrors(value) {
  if (summary(value)) return [];
  return summary.errors.map((e) => `${e.instancePath || "/"}: ${e.message} ${JSON.stringify(e.params)}`);
}

let errors = 0;
let warnings = 0;
const counts = { fhir: 0, summary: 0 };
for (const file of process.argv.slice(2)) {
  const value = parse(file);
  const kind = value.resourceType ? "fhir" : "summary";
  counts[kind] += 1;
  const found = kind === "fhir" ? fhirErrors(value) : summaryErrors(value);
  for (const m of found) {
    const warning = m.includes(": warning ");
    if (warning) warnings += 1;
    else errors += 1;
    console.log(`${file}: ${m}`);
  }
}
console.log(
  `checked ${counts.fhir} FHIR resources and ${counts.summary} summaries: ${errors} errors, ${warnings} warnings`,
);
process.exit(errors === 0 && counts.fhir + counts.summary > 0 ? 0 : 1);
