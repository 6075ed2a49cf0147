import { ApiError } from '../api/client.ts';

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/** The server's message is already in the user's language; network failures are ours. */
export function errorMessage(error: unknown, t: (k: string) => string): string {
  if (error instanceof ApiError) return error.status === 0 ? t('common.networkError') : error.message || t('common.error');
  return t('common.error');
}
