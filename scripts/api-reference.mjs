#!/usr/bin/env node
// `npm run docs:api`: regenerates the endpoint reference in docs/api.md from the OpenAPI
// documents (`/docs-json`) of the running apps. Everything above the GENERATED marker is written
// by hand (the contract rules) and kept as it is.
//
// Start the apps first (`npm start`); set AUTH_PORT … REALTIME_PORT as you started them.
import { readFileSync, writeFileSync } from 'node:fs';

const FILE = 'docs/api.md';
const MARKER = '<!-- GENERATED below by scripts/api-reference.mjs from each app’s /docs-json: do not edit by hand -->';
const APPS = [
  ['auth', 'AUTH_PORT', 5000],
  ['owner', 'OWNER_PORT', 5001],
  ['customer', 'CUSTOMER_PORT', 5002],
  ['courier', 'COURIER_PORT', 5003],
  ['realtime', 'REALTIME_PORT', 5004],
];

/** A JSON schema in one line: `{ email: string, password: string }`, `[ {…} ]`, `integer`. */
function schemaText(schema, doc, depth = 0) {
  if (!schema) return '';
  if (schema.$ref) return schemaText(doc.components?.schemas?.[schema.$ref.split('/').pop()], doc, depth);
  if (schema.type === 'array') return `[ ${schemaText(schema.items, doc, depth + 1)} ]`;
  if (schema.properties && depth < 3) {
    const required = new Set(schema.required ?? []);
    const fields = Object.entries(schema.properties).map(
      ([name, value]) => `${name}${required.has(name) ? '' : '?'}: ${schemaText(value, doc, depth + 1)}`,
    );
    return `{ ${fields.join(', ')} }`;
  }
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  return schema.format === 'binary' ? 'file' : (schema.type ?? 'object');
}

const cell = (text) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');

function renderApp(name, doc) {
  const lines = [`### ${name}`, '', cell(doc.info?.description), ''];
  for (const [path, operations] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(operations)) {
      lines.push(`#### \`${method.toUpperCase()} ${path}\``, '');
      if (op.summary) lines.push(cell(op.summary), '');
      if (op.description) lines.push(cell(op.description), '');
      const auth = op.security?.length ? 'Bearer token required.' : 'Public.';
      lines.push(auth, '');
      for (const param of op.parameters ?? []) {
        lines.push(`- ${param.in} \`${param.name}\`${param.required ? '' : ' (optional)'}: ${cell(param.description)}`);
      }
      const body = op.requestBody?.content;
      if (body) {
        for (const [type, media] of Object.entries(body))
          lines.push(`- body (${type}): \`${schemaText(media.schema, doc)}\``);
      }
      if (op.parameters?.length || body) lines.push('');
      lines.push('| status | meaning | body |', '|---|---|---|');
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        const schema = Object.values(response.content ?? {})[0]?.schema;
        lines.push(
          `| ${status} | ${cell(response.description)} | ${schema ? `\`${cell(schemaText(schema, doc))}\`` : ''} |`,
        );
      }
      lines.push('');
    }
  }
  return lines.join('\n');
}

const sections = [];
for (const [name, portVariable, defaultPort] of APPS) {
  const url = `http://localhost:${process.env[portVariable] ?? defaultPort}/docs-json`;
  const response = await fetch(url).catch((error) => {
    throw new Error(`${name}: ${url} unreachable (${error.message}); start the apps first (npm start)`);
  });
  if (!response.ok) throw new Error(`${name}: ${url} answered ${response.status}`);
  sections.push(renderApp(name, await response.json()));
}
const current = readFileSync(FILE, 'utf8');
const at = current.indexOf(MARKER);
if (at < 0) throw new Error(`${FILE} has lost its marker line; restore it`);
writeFileSync(FILE, `${current.slice(0, at)}${MARKER}\n\n${sections.join('\n')}`);
console.log(`wrote ${FILE} (${APPS.length} apps)`);
