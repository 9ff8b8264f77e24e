// Which items a FHIR R4 renderer shows: reads {questionnaire, responses:
// {name: QuestionnaireResponse}} on stdin and prints {name: [linkId]} of the
// enabled non-group items, from the Questionnaire's enableWhen and
// enableBehavior (R4 Questionnaire.item.enableWhen) and the SDC
// enableWhenExpression, evaluated by fhirpath.js, an engine intake did not
// write. A disabled item disables its children (R4); a hidden one
// (questionnaire-hidden) is never shown.
const fhirpath = require('fhirpath');
const r4 = require('fhirpath/fhir-context/r4');

const HIDDEN = 'http://hl7.org/fhir/StructureDefinition/questionnaire-hidden';
const EXPRESSION =
  'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression';

function answersOf(response, linkId) {
  const out = [];
  const walk = (items) => (items || []).forEach((i) => {
    if (i.linkId === linkId) out.push(...(i.answer || []));
    walk(i.item);
  });
  walk(response.item);
  return out;
}

// The answer[x] of an answer or an enableWhen, as [type, value].
function valueOf(o, prefix) {
  const key = Object.keys(o).find((k) => k.startsWith(prefix));
  if (!key) throw new Error(`no ${prefix}[x] in ${JSON.stringify(o)}`);
  return [key.slice(prefix.length), o[key]];
}

function equal([ta, a], [tb, b]) {
  if (ta === 'Coding' || tb === 'Coding') {
    return ta === tb && a.system === b.system && a.code === b.code;
  }
  return a === b;
}

const ORDER = {
  '>': (x) => x > 0, '<': (x) => x < 0, '>=': (x) => x >= 0, '<=': (x) => x <= 0,
};

// One enableWhen, as R4 defines each operator.
function holds(when, response) {
  const answers = answersOf(response, when.question);
  const [type, expected] = valueOf(when, 'answer');
  if (when.operator === 'exists') return (answers.length > 0) === expected;
  const values = answers.map((a) => valueOf(a, 'value'));
  const same = values.some((v) => equal(v, [type, expected]));
  if (when.operator === '=') return same;
  if (when.operator === '!=') return !same;
  const order = ORDER[when.operator];
  if (!order) throw new Error(`unknown operator ${when.operator}`);
  if (type !== 'Integer' && type !== 'Decimal') {
    throw new Error(`${when.operator} on ${type} in ${when.question}`);
  }
  return values.some(([, v]) => typeof v === 'number' && order(v - expected));
}

function enabled(item, response) {
  const ext = (item.extension || []).find((e) => e.url === EXPRESSION);
  if (ext && item.enableWhen) throw new Error(`${item.linkId}: both enableWhen and expression`);
  if (ext) {
    const expr = ext.valueExpression;
    if (expr.language !== 'text/fhirpath') throw new Error(`${item.linkId}: ${expr.language}`);
    const result = fhirpath.evaluate(response, expr.expression, { resource: response }, r4);
    if (result.length !== 1 || typeof result[0] !== 'boolean') {
      throw new Error(`${item.linkId}: ${expr.expression} gave ${JSON.stringify(result)}`);
    }
    return result[0];
  }
  if (!item.enableWhen) return true;
  const results = item.enableWhen.map((w) => holds(w, response));
  if (results.length > 1 && !item.enableBehavior) {
    throw new Error(`${item.linkId}: several enableWhen and no enableBehavior`);
  }
  return item.enableBehavior === 'any' ? results.some(Boolean) : results.every(Boolean);
}

function shown(items, response, out) {
  for (const item of items || []) {
    const hidden = (item.extension || []).some((e) => e.url === HIDDEN && e.valueBoolean);
    if (hidden || !enabled(item, response)) continue;
    if (item.type !== 'group') out.push(item.linkId);
    shown(item.item, response, out);
  }
  return out;
}

const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = {};
for (const [name, response] of Object.entries(input.responses)) {
  try {
    out[name] = shown(input.questionnaire.item, response, []);
  } catch (e) {
    process.stderr.write(`${name}: ${e.message}\n`);
    process.exit(1);
  }
}
process.stdout.write(JSON.stringify(out));
