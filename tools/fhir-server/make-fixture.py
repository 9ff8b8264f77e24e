"""Turns a Bundle that `intake summarize --format fhir` writes today into the
shape the sender will post (issue 14, items 2 and 4), so the smoke test shows
the server's side of it before the sender exists:

- a Patient known only by its visit code, conditionally created
  (ifNoneExist=identifier=...) and referenced by its urn:uuid fullUrl, with
  the identifier beside the reference (for subject:identifier searches);
- ifNoneExist on every entry, so posting the Bundle again creates nothing:
  by identifier where R4 has one (QuestionnaireResponse, Flag, Composition,
  Observation, Device), by a meta.tag and _tag for Provenance, which has
  no identifier in R4;
- two Observations: a 0-10 pain score (LOINC 72514-3) and a marked body
  region (SNOMED CT 22253000 Pain, bodySite 113345001 Abdominal structure:
  a placeholder code, only to be searched for).

Usage: make-fixture.py INTAKE_BUNDLE.json VISIT_CODE OUT.json
The identifiers derive from the response identifier and the visit code, so
the output is the same each run."""
import json, sys, uuid
src, visit, out = sys.argv[1], sys.argv[2], sys.argv[3]
b = json.load(open(src))
S = 'http://intake.example.org/fhir'
qr = next(e for e in b['entry'] if e['resource']['resourceType'] == 'QuestionnaireResponse')
sess = qr['resource']['identifier']['value']
pat_url = 'urn:uuid:' + str(uuid.uuid5(uuid.NAMESPACE_URL, 'p' + visit))
pid = {'system': S + '/visit-code', 'value': visit}
subj = {'reference': pat_url, 'identifier': pid, 'type': 'Patient'}
b['entry'].insert(0, {'fullUrl': pat_url, 'resource': {'resourceType': 'Patient', 'identifier': [pid]},
    'request': {'method': 'POST', 'url': 'Patient', 'ifNoneExist': f"identifier={pid['system']}|{visit}"}})
qr['resource']['subject'] = subj
for e in b['entry']:
    r = e['resource']; t = r['resourceType']
    if t == 'QuestionnaireResponse':
        e['request']['ifNoneExist'] = f"identifier={r['identifier']['system']}|{sess}"
    elif t in ('Flag', 'Composition'):
        key = f"{sess}-{t.lower()}-{b['entry'].index(e)}"
        idn = {'system': S + '/entry', 'value': key}
        r['identifier'] = idn if t == 'Composition' else [idn]
        r['subject'] = subj
        e['request']['ifNoneExist'] = f"identifier={idn['system']}|{key}"
    elif t == 'Provenance':
        tag = {'system': S + '/session', 'code': sess}
        r.setdefault('meta', {})['tag'] = [tag]
        e['request']['ifNoneExist'] = f"_tag={tag['system']}|{sess}"
for i, (sys_, code, val, site) in enumerate([('http://loinc.org', '72514-3', 6, None),
                                              ('http://snomed.info/sct', '22253000', None, '113345001')]):
    key = f'{sess}-obs-{i}'
    o = {'resourceType': 'Observation', 'status': 'final', 'identifier': [{'system': S + '/entry', 'value': key}],
         'code': {'coding': [{'system': sys_, 'code': code}]}, 'subject': subj,
         'derivedFrom': [{'reference': qr['fullUrl']}]}
    if val is not None: o['valueInteger'] = val
    if site: o['bodySite'] = {'coding': [{'system': 'http://snomed.info/sct', 'code': site}]}
    b['entry'].append({'fullUrl': 'urn:uuid:' + str(uuid.uuid5(uuid.NAMESPACE_URL, key)), 'resource': o,
        'request': {'method': 'POST', 'url': 'Observation', 'ifNoneExist': f'identifier={S}/entry|{key}'}})
json.dump(b, open(out, 'w'), indent=1)
