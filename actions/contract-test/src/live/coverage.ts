// Spec coverage of a run: which operations, documented status codes and parameters the requests reached, and
// what the server answered that the spec does not describe (statuses it does not document, methods it accepts).
import type { PlannedCase } from './cases.js';
import { isDocumented, matchResponse } from './checks/support.js';
import type { ApiModel, Operation } from './model.js';
import type { LiveCoverage, OperationCoverage, UndocumentedResponse } from './types.js';

interface OperationTally {
  requests: number;
  statuses: Set<string>;
  params: Set<string>;
}

export class CoverageTracker {
  private readonly tallies = new Map<Operation, OperationTally>();
  private readonly undocumented = new Map<string, UndocumentedResponse>();
  private readonly judged = new Map<Operation, Set<string>>();

  judgedBy(op: Operation, check: string): void {
    let set = this.judged.get(op);
    if (!set) {
      set = new Set();
      this.judged.set(op, set);
    }
    set.add(check);
  }

  record(kase: PlannedCase, sentParams: readonly string[], status: number | undefined): void {
    const { op } = kase;
    const probe = kase.kind === 'unsupported-method' || kase.kind === 'options';
    if (probe) {
      if (status !== undefined && status >= 200 && status < 300 && kase.kind === 'unsupported-method')
        this.note(kase.method.toUpperCase(), op, status, 'method');
      return;
    }
    let tally = this.tallies.get(op);
    if (!tally) {
      tally = { requests: 0, statuses: new Set(), params: new Set() };
      this.tallies.set(op, tally);
    }
    tally.requests++;
    for (const param of sentParams) tally.params.add(param);
    if (status === undefined) return;
    const matched = matchResponse(op, status);
    if (matched) tally.statuses.add(matched.key);
    if (
      !isDocumented(
        op.responses.map((r) => r.key),
        status
      )
    )
      this.note(op.method.toUpperCase(), op, status, 'status');
  }

  private note(method: string, op: Operation, status: number, reason: UndocumentedResponse['reason']): void {
    const key = `${method} ${op.path} ${status} ${reason}`;
    const entry = this.undocumented.get(key);
    if (entry) entry.count++;
    else this.undocumented.set(key, { method, path: op.path, operationId: op.operationId, status, count: 1, reason });
  }

  finish(model: ApiModel): LiveCoverage {
    const perOperation: OperationCoverage[] = model.operations.map((op) => {
      const tally = this.tallies.get(op);
      const documentedParams = op.parameters.map((p) => `${p.in}.${p.name}`);
      return {
        method: op.method.toUpperCase(),
        path: op.path,
        operationId: op.operationId,
        requests: tally?.requests ?? 0,
        statuses: { documented: op.responses.map((r) => r.key), seen: [...(tally?.statuses ?? [])].sort() },
        parameters: { documented: documentedParams, sent: documentedParams.filter((p) => tally?.params.has(p)) },
        checks: [...(this.judged.get(op) ?? [])]
      };
    });
    const sum = (pick: (o: OperationCoverage) => [number, number]) =>
      perOperation.reduce(
        (acc, o) => {
          const [covered, total] = pick(o);
          return { covered: acc.covered + covered, total: acc.total + total };
        },
        { covered: 0, total: 0 }
      );
    return {
      operations: sum((o) => [o.requests > 0 ? 1 : 0, 1]),
      statuses: sum((o) => [o.statuses.seen.length, o.statuses.documented.length]),
      parameters: sum((o) => [o.parameters.sent.length, o.parameters.documented.length]),
      perOperation,
      undocumented: [...this.undocumented.values()].sort((a, b) => a.path.localeCompare(b.path) || a.status - b.status)
    };
  }
}

export function percent(count: { covered: number; total: number }): string {
  return count.total === 0 ? 'n/a' : `${Math.round((100 * count.covered) / count.total)}%`;
}
