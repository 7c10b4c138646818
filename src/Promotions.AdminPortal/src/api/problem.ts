/** A ProblemDetails body as every service writes it: a code, a title and one error per failing field (JSON path). */
export interface FieldError { code: string; message: string; path?: string | null }
export interface Problem { status: number; code?: string; title?: string; detail?: string; errors?: FieldError[] }

export class ApiError extends Error {
  constructor(public readonly problem: Problem) {
    super(problem.title ?? `HTTP ${problem.status}`);
  }
  get status() { return this.problem.status; }
  /** The errors whose JSON path is `path` or lies under it. */
  at(path: string): FieldError[] { return errorsAt(this.problem, path); }
}

export function errorsAt(problem: Problem | undefined, path: string): FieldError[] {
  return (problem?.errors ?? []).filter((e) => e.path === path || (e.path ?? '').startsWith(path + '.') || (e.path ?? '').startsWith(path + '['));
}

/** What went wrong, in words a marketer reads without knowing HTTP. */
export function plainWords(problem: Problem): string {
  switch (problem.status) {
    case 0: return 'The server could not be reached. Check that it is running and try again.';
    case 401: return 'Your session has ended. Sign in again.';
    case 403: if (problem.code === 'four_eyes') return 'You submitted this yourself: another admin must approve or reject it.';
      return 'Your role is not allowed to do this.';
    case 404: return 'This item does not exist (any more).';
    case 412: return 'Someone changed this item since you opened it. Reload it to see their change, then apply yours again.';
    case 428: return 'This change needs the version you read: reload the item and try again.';
    case 429: return 'Too many attempts: wait a moment and try again.';
    default:
      if (problem.status >= 500) return 'The server failed to answer. Try again in a moment.';
      return problem.title ?? 'The request was refused.';
  }
}

export async function problemOf(response: Response, body?: unknown): Promise<Problem> {
  let parsed = body as Partial<Problem> | undefined;
  if (parsed === undefined) {
    try { parsed = (await response.json()) as Partial<Problem>; } catch { parsed = undefined; }
  }
  return { ...(typeof parsed === 'object' && parsed ? parsed : {}), status: response.status };
}
