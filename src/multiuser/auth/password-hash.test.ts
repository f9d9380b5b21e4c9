import { hashPassword, MIN_PASSWORD_CHARS, newPasswordProblem, verifyNothing, verifyPassword } from './password-hash.js';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('stores the cost and a fresh salt in each hash, never the password', async () => {
    const first = await hashPassword('same password here');
    const second = await hashPassword('same password here');
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('same password');
  });

  it('verifies against the cost written in the hash (older, cheaper hashes keep working)', async () => {
    const hash = await hashPassword('a password to lower');
    const [, , , , salt] = hash.split('$');
    const { scryptSync } = await import('node:crypto');
    const cheap = ['scrypt', 1024, 8, 1, salt, scryptSync('a password to lower', Buffer.from(salt, 'base64url'), 32, { N: 1024, r: 8, p: 1 }).toString('base64url')].join('$');
    expect(await verifyPassword('a password to lower', cheap)).toBe(true);
  });

  it('treats a malformed or hostile stored hash as no match, without throwing', async () => {
    for (const stored of ['', 'plain', 'scrypt$1$1$1$a$b', 'scrypt$1073741824$8$1$AAAA$' + 'A'.repeat(43), 'bcrypt$x$y$z$a$b', 'scrypt$32768$8$1$$' + 'A'.repeat(43)]) {
      expect(await verifyPassword('anything at all', stored)).toBe(false);
    }
    expect(await verifyNothing('anything at all')).toBe(false);
  });

  it('says why a new password is refused', () => {
    expect(newPasswordProblem('short')).toBe(`The password must have at least ${MIN_PASSWORD_CHARS} characters.`);
    expect(newPasswordProblem('x'.repeat(600))).toMatch(/at most 512 characters/);
    expect(newPasswordProblem('long enough password')).toBeUndefined();
    // Characters, not UTF-16 units: ten emoji are ten characters.
    expect(newPasswordProblem('😀'.repeat(9))).toBeDefined();
    expect(newPasswordProblem('😀'.repeat(10))).toBeUndefined();
  });
});
