// Kubernetes label-selector semantics (matchLabels AND matchExpressions), for offline policy checks.
import type { ILabelSelector } from '@kubernetes-models/apimachinery/apis/meta/v1/LabelSelector';

/** An empty selector `{}` matches everything, as in NetworkPolicy podSelector / namespaceSelector. */
export function selectorMatches(selector: ILabelSelector, labels: Record<string, string>): boolean {
  const byLabel = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  const byExpression = (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    switch (operator) {
      case 'In':
        return key in labels && values.includes(labels[key]);
      case 'NotIn':
        return !(key in labels) || !values.includes(labels[key]);
      case 'Exists':
        return key in labels;
      case 'DoesNotExist':
        return !(key in labels);
      default:
        return false;
    }
  });
  return byLabel && byExpression;
}

/** Service-style selector (a plain label map): empty selects nothing rather than everything. */
export function serviceSelects(selector: Record<string, string> | undefined, labels: Record<string, string>) {
  return (
    selector !== undefined && Object.keys(selector).length > 0 && selectorMatches({ matchLabels: selector }, labels)
  );
}
