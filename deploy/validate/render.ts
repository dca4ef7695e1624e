// Renders a kustomization with the kubectl binary (its built-in kustomize) and parses the result.
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import type { K8sObject } from './k8s-object.js';

export const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';

/** Throws a message that says what to install when kubectl is missing (CI must not silently skip). */
export function assertKubectl(binary = KUBECTL): void {
  try {
    accessSync(binary, constants.X_OK);
  } catch {
    throw new Error(
      `kubectl not found at ${binary}: install kubectl >= 1.27 (it bundles kustomize) or set KUBECTL=/path/to/kubectl`,
    );
  }
}

export function renderKustomization(directory: string, binary = KUBECTL): K8sObject[] {
  assertKubectl(binary);
  const yaml = execFileSync(binary, ['kustomize', directory], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return parseManifests(yaml).map(unfoldSecretData);
}

/**
 * kustomize folds long base64 Secret values over several lines; the API server's decoder skips the
 * line breaks, the schema's `byte` format does not. Validate what the server would store.
 */
function unfoldSecretData(object: K8sObject): K8sObject {
  if (object.kind !== 'Secret' || !object.data) return object;
  const data = Object.fromEntries(
    Object.entries(object.data as Record<string, string>).map(([key, value]) => [key, value.replace(/\s+/g, '')]),
  );
  return { ...object, data };
}

/** Multi-document YAML to objects; a syntax error anywhere is an error, empty documents are skipped. */
export function parseManifests(yaml: string): K8sObject[] {
  return parseAllDocuments(yaml).flatMap((document) => {
    if (document.errors.length > 0) throw new Error(document.errors.map((e) => e.message).join('\n'));
    const value = document.toJS() as K8sObject | null;
    return value === null ? [] : [value];
  });
}
