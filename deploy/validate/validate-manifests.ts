// Everything checked on a rendered overlay, in one call: strict schemas, then the policies.
import type { K8sObject } from './k8s-object.js';
import { checkIsolation } from './isolation-policy.js';
import { validateSchemas } from './schema-validate.js';
import { checkWiring } from './wiring-policies.js';
import { checkWorkloads } from './workload-policies.js';

export async function validateManifests(objects: K8sObject[]): Promise<string[]> {
  return [
    ...(await validateSchemas(objects)),
    ...checkWorkloads(objects),
    ...checkWiring(objects),
    ...checkIsolation(objects),
  ];
}
