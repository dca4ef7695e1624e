// Strict schema validation of rendered manifests against the Kubernetes OpenAPI schemas shipped by
// `kubernetes-models` (types, enums, required fields) — plus the one thing those validators let
// through: unknown or misspelled fields, which the API server would silently prune.
import { describe, type K8sObject } from './k8s-object.js';

interface SchemaError {
  instancePath: string;
  message?: string;
}
type Validate = (data: unknown) => SchemaError[];

/**
 * A value no Kubernetes schema accepts. Put in place of a field, it makes the validator report an
 * error at that field's path exactly when the schema knows the field: an unknown field is never
 * visited (the compiled schemas lack `additionalProperties: false`), so no error appears there.
 */
const PROBE = Symbol('unknown-field-probe');

export async function validateObjectSchema(object: K8sObject): Promise<string[]> {
  const validate = await loadValidator(object.apiVersion, object.kind);
  if (!validate) return [`${describe(object)}: no schema for ${object.apiVersion} ${object.kind}`];
  const typeErrors = validate(object).map((e) => `${describe(object)}: ${e.instancePath || '/'} ${e.message}`);
  const unknown = unknownFields(object, validate).map((path) => `${describe(object)}: ${path} is not a known field`);
  return [...typeErrors, ...unknown];
}

export async function validateSchemas(objects: K8sObject[]): Promise<string[]> {
  const results = await Promise.all(objects.map(validateObjectSchema));
  return results.flat();
}

async function loadValidator(apiVersion: string, kind: string): Promise<Validate | undefined> {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : [undefined, apiVersion];
  const modulePath = group ? `kubernetes-models/${group}/${version}/${kind}` : `kubernetes-models/${version}/${kind}`;
  let Model: (new (data: unknown) => { validate(): void }) | undefined;
  try {
    Model = ((await import(modulePath)) as Record<string, typeof Model>)[kind];
  } catch {
    return undefined;
  }
  if (!Model) return undefined;
  const ModelClass = Model;
  return (data) => {
    try {
      new ModelClass(data).validate();
      return [];
    } catch (error) {
      const errors = (error as { errors?: SchemaError[] }).errors;
      return errors ?? [{ instancePath: '', message: String(error) }];
    }
  };
}

/** JSON pointers of every field the schema does not know (not descending below an unknown one). */
function unknownFields(object: K8sObject, validate: Validate): string[] {
  const unknown: string[] = [];
  const visit = (node: unknown, path: (string | number)[]) => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, [...path, index]));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      const fieldPath = [...path, key];
      const pointer = toPointer(fieldPath);
      const probed = withValueAt(object, fieldPath, PROBE);
      const known = validate(probed).some(
        (e) => e.instancePath === pointer || e.instancePath.startsWith(`${pointer}/`),
      );
      if (known) visit(value, fieldPath);
      else unknown.push(pointer);
    }
  };
  visit(object, []);
  return unknown;
}

function withValueAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const segment of path.slice(0, -1)) node = node[segment] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return copy;
}

/** RFC 6901, as ajv writes `instancePath` (label keys like `app.kubernetes.io/name` contain '/'). */
function toPointer(path: (string | number)[]): string {
  return path.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}
