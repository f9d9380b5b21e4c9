import { pgErrorCode } from './database.js';

/** A unique name is taken (an account's email, a project's name). */
export class AlreadyExistsError extends Error {}

/** A row the call needs is not there (an account, a project). */
export class NotFoundError extends Error {}

/** The change would break a rule of the data (e.g. removing a project's last owner). */
export class RefusedChangeError extends Error {}

/** Runs `insert` and turns a unique violation into AlreadyExistsError(`message`). */
export async function unlessTaken<T>(insert: () => Promise<T>, message: string): Promise<T> {
  try {
    return await insert();
  } catch (error) {
    if (pgErrorCode(error) === '23505') throw new AlreadyExistsError(message);
    throw error;
  }
}
