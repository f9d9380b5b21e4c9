import { useState } from 'react';
import { Alert, Button, Card, Input, Typography } from 'antd';
import type { AgentAuthMethod, AgentInfo } from '../../src/protocol/index.js';
import type { AuthenticateResult } from '../../stores/session/index.js';
import { isHttpUrl } from '../common/safe-url.js';

type SignInPanelProps = { agent: AgentInfo; onAuthenticate: (methodId: string, apiKey?: string) => Promise<AuthenticateResult> };

function MethodRow({ method, onAuthenticate }: { method: AgentAuthMethod; onAuthenticate: SignInPanelProps['onAuthenticate'] }) {
  const [apiKey, setApiKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<AuthenticateResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (method.needsApiKey && apiKey.trim() === '') return setError('Enter an API key first.');
    setBusy(true);
    setError(null);
    try {
      setResult(await onAuthenticate(method.id, method.needsApiKey ? apiKey.trim() : undefined));
      setApiKey(''); // the key lives in the hub's secret store, not in this page
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-label={method.name} style={{ marginBottom: 12 }}>
      <Typography.Text strong>{method.name}</Typography.Text>
      {method.description ? <div className="cc-muted">{method.description}</div> : null}
      <div style={{ display: 'flex', gap: 8, marginTop: 4 }}>
        {method.needsApiKey ? <Input.Password aria-label={`${method.name}: API key`} autoComplete="off" value={apiKey} onChange={(event) => setApiKey(event.target.value)} onPressEnter={() => void submit()} /> : null}
        <Button type="primary" loading={busy} onClick={() => void submit()}>
          {method.needsApiKey ? 'Save key' : 'Sign in'}
        </Button>
      </div>
      {error ? <Alert type="error" showIcon title={error} /> : null}
      {result && !result.ok && !result.url ? <Alert type="error" showIcon title={result.message ?? 'Sign-in failed.'} /> : null}
      {result?.ok ? <Alert type="success" showIcon title={result.message ?? 'Connected.'} /> : null}
      {result?.url ? (
        <Alert
          type="info"
          showIcon
          title={
            <span>
              {isHttpUrl(result.url) ? <a href={result.url} target="_blank" rel="noopener noreferrer">Open the sign-in page</a> : <code>{result.url}</code>}
              {result.code ? <> and enter the code <code aria-label="Device code">{result.code}</code></> : null}
            </span>
          }
        />
      ) : null}
    </section>
  );
}

/** "Connect Codex": the agent's sign-in methods (API key field, device-code link and code). */
export function SignInPanel({ agent, onAuthenticate }: SignInPanelProps) {
  return (
    <Card size="small" title={`Connect ${agent.label}`} role="region" aria-label={`Connect ${agent.label}`}>
      {agent.problem ? <Alert type="warning" showIcon title={agent.problem} style={{ marginBottom: 8 }} /> : null}
      {agent.authMethods.length === 0 ? <div>This agent offers no sign-in method; sign in with its own command-line tool, then retry.</div> : null}
      {agent.authMethods.map((method) => <MethodRow key={method.id} method={method} onAuthenticate={onAuthenticate} />)}
    </Card>
  );
}
