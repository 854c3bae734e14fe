import { ApiError, errorMessage } from '../api/client';

/** What to tell the person when the server refused an action on a task. */
export interface ActionProblem {
  kind: 'forbidden' | 'conflict' | 'invalid' | 'gone' | 'other';
  title: string;
  message: string;
}

export function actionProblem(error: unknown, action: string): ActionProblem {
  const message = errorMessage(error);
  if (!(error instanceof ApiError)) return { kind: 'other', title: `Could not ${action}`, message };
  switch (error.status) {
    case 403:
      return { kind: 'forbidden', title: `You may not ${action}`, message };
    case 409:
      return { kind: 'conflict', title: `Could not ${action}: the task changed`, message: `${message} It was loaded again; check it and try again.` };
    case 410:
      return { kind: 'gone', title: 'This request is closed', message };
    case 400:
    case 422:
      return { kind: 'invalid', title: 'Please check the answer', message };
    default:
      return { kind: 'other', title: `Could not ${action}`, message };
  }
}
