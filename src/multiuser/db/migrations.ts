import { CHANGES_CHANNEL } from './changes.js';
import type { Queryable } from './database.js';

/** One schema step; `statements` run in order, in the transaction of the migration run. */
export type Migration = { version: number; description: string; statements: string[] };

const TIMESTAMPS_NOW = 'timestamptz not null default now()';

/** Append-only, oldest first. Never edit a released step: add a new version. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'accounts, login links and sessions, projects, members, credentials, settings, audit, hosts',
    statements: [
      `create table accounts (
        id text primary key,
        email text unique not null check (email = lower(email)),
        name text not null,
        is_admin boolean not null default false,
        password_hash text null,
        disabled_at timestamptz null,
        created_at ${TIMESTAMPS_NOW})`,
      `create table login_links (
        token_hash text primary key,
        account_id text not null references accounts(id),
        expires_at timestamptz not null,
        used_at timestamptz null,
        created_at ${TIMESTAMPS_NOW})`,
      `create table login_sessions (
        id_hash text primary key,
        account_id text not null references accounts(id),
        created_at ${TIMESTAMPS_NOW},
        expires_at timestamptz not null,
        last_seen_at ${TIMESTAMPS_NOW},
        ip text null)`,
      `create index login_sessions_account on login_sessions(account_id)`,
      `create table projects (
        id text primary key,
        name text unique not null,
        folder text not null,
        host_id text null,
        created_at ${TIMESTAMPS_NOW})`,
      `create table members (
        project_id text not null references projects(id),
        account_id text not null references accounts(id),
        role text not null check (role in ('owner', 'collaborator', 'viewer')),
        added_at ${TIMESTAMPS_NOW},
        primary key (project_id, account_id))`,
      `create index members_account on members(account_id)`,
      `create table user_credentials (
        account_id text not null references accounts(id),
        agent text not null,
        secret text not null,
        updated_at ${TIMESTAMPS_NOW},
        primary key (account_id, agent))`,
      `create table site_credentials (
        agent text primary key,
        secret text not null,
        updated_at ${TIMESTAMPS_NOW})`,
      `create table settings (
        key text primary key,
        value jsonb not null,
        updated_at ${TIMESTAMPS_NOW})`,
      `create table audit (
        id bigserial primary key,
        at ${TIMESTAMPS_NOW},
        account_id text null,
        ip text null,
        project_id text null,
        path text null,
        thread_key text null,
        turn_id text null,
        kind text not null,
        target text not null,
        outcome text not null)`,
      `create index audit_project_at on audit(project_id, id desc)`,
      `create function audit_is_append_only() returns trigger language plpgsql as $$
        begin
          raise exception 'audit is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
        end $$`,
      `create trigger audit_append_only before update or delete on audit
        for each row execute function audit_is_append_only()`,
      `create table hosts (
        id text primary key,
        last_seen_at timestamptz null)`,
    ],
  },
  {
    version: 2,
    description: 'cluster: hosts.started_at; NOTIFY codex_changes on changes of members, projects and settings',
    statements: [
      `alter table hosts add column started_at timestamptz null`,
      // Each branch reads only its own table's column (plpgsql resolves a record's fields when it runs a statement).
      `create function notify_codex_change() returns trigger language plpgsql as $$
        declare
          changed record;
          project text;
        begin
          if tg_op = 'DELETE' then changed := old; else changed := new; end if;
          if tg_table_name = 'members' then project := changed.project_id;
          elsif tg_table_name = 'projects' then project := changed.id;
          end if;
          perform pg_notify('${CHANGES_CHANNEL}', json_build_object('table', tg_table_name, 'project', project)::text);
          return null;
        end $$`,
      ...['members', 'projects', 'settings'].map(
        (table) => `create trigger ${table}_notify_change after insert or update or delete on ${table} for each row execute function notify_codex_change()`,
      ),
    ],
  },
];

// Any constant: two hubs starting on one server at once take turns instead of both migrating.
const MIGRATION_LOCK = 7_384_120;

/**
 * Brings the schema up to the newest version in one transaction (all or nothing) and returns the
 * versions it applied (none when up to date). Refuses a database newer than this code.
 */
export async function runMigrations(db: Queryable, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`create table if not exists schema_migrations (version int primary key, applied_at ${TIMESTAMPS_NOW})`);
    const applied = new Set((await tx.query<{ version: number }>('select version from schema_migrations')).map((row) => row.version));
    const newest = Math.max(0, ...migrations.map((step) => step.version));
    const unknown = [...applied].filter((version) => version > newest);
    if (unknown.length > 0) throw new Error(`the database has schema version ${Math.max(...unknown)}, newer than this codex-chat (${newest}): upgrade codex-chat`);
    const done: number[] = [];
    for (const step of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(step.version)) continue;
      for (const statement of step.statements) await tx.query(statement);
      await tx.query('insert into schema_migrations (version) values ($1)', [step.version]);
      done.push(step.version);
    }
    return done;
  });
}
