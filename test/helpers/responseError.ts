import { ResponseError } from 'vscode-languageserver-protocol';

/** The error a request fails with; fails itself when the request succeeds or fails otherwise. */
export async function errorOf(request: Promise<unknown>): Promise<ResponseError<unknown>> {
  try {
    await request;
  } catch (error) {
    if (error instanceof ResponseError) return error;
    throw error;
  }
  throw new Error('expected an error');
}
