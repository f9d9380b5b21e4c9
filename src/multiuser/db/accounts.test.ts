import { describeEachDatabase } from '../testing/test-databases.js';
import { addAccount, disableAccount, findAccountByEmail, findAccountById, listAccounts, passwordHashOf, setPassword } from './accounts.js';
import { AlreadyExistsError } from './errors.js';

describeEachDatabase('accounts', ({ db }) => {
  it('add stores the email lowercased and trimmed; found by email in any case and by id', async () => {
    const ann = await addAccount(db(), { email: '  Ann@Example.ORG ', name: ' Ann ', isAdmin: true });
    expect(ann).toEqual({ id: expect.any(String), email: 'ann@example.org', name: 'Ann', isAdmin: true, hasPassword: false, disabledAt: null, createdAt: expect.stringMatching(/Z$/) });
    expect(await findAccountByEmail(db(), 'ANN@example.org')).toEqual(ann);
    expect(await findAccountById(db(), ann.id)).toEqual(ann);
    expect(await findAccountByEmail(db(), 'nobody@example.org')).toBeNull();
  });

  it('a second account with the same email (other case) is refused as AlreadyExistsError', async () => {
    await addAccount(db(), { email: 'bo@example.org', name: 'Bo' });
    const again = addAccount(db(), { email: 'BO@example.org', name: 'Bo 2' });
    await expect(again).rejects.toThrow(AlreadyExistsError);
    await expect(again).rejects.toThrow('an account with email bo@example.org already exists');
  });

  it('list is ordered by email', async () => {
    await addAccount(db(), { email: 'zed-list@example.org', name: 'Zed' });
    await addAccount(db(), { email: 'abe-list@example.org', name: 'Abe' });
    const emails = (await listAccounts(db())).map((account) => account.email).filter((email) => email.endsWith('-list@example.org'));
    expect(emails).toEqual(['abe-list@example.org', 'zed-list@example.org']);
  });

  it('disable sets disabledAt once (a second disable keeps the first time); unknown id: false', async () => {
    const cy = await addAccount(db(), { email: 'cy@example.org', name: 'Cy' });
    expect(await disableAccount(db(), cy.id)).toBe(true);
    const first = (await findAccountById(db(), cy.id))?.disabledAt;
    expect(first).toMatch(/Z$/);
    expect(await disableAccount(db(), cy.id)).toBe(true);
    expect((await findAccountById(db(), cy.id))?.disabledAt).toBe(first);
    expect(await disableAccount(db(), 'no-such-id')).toBe(false);
  });

  it('the password hash is set and read apart from the account (never in an Account row)', async () => {
    const di = await addAccount(db(), { email: 'di@example.org', name: 'Di' });
    expect(await passwordHashOf(db(), di.id)).toBeNull();
    expect(await setPassword(db(), di.id, 'scrypt$hash')).toBe(true);
    expect(await passwordHashOf(db(), di.id)).toBe('scrypt$hash');
    const account = await findAccountById(db(), di.id);
    expect(account?.hasPassword).toBe(true);
    expect(JSON.stringify(account)).not.toContain('scrypt$hash');
    expect(await setPassword(db(), 'no-such-id', 'x')).toBe(false);
  });
});
