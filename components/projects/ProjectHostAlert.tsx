import { Alert } from 'antd';
import type { ProjectHostStatus } from '../../src/protocol/index.js';

export type ProjectHostAlertProps = {
  /** The project's host (a cluster's front hub tells it); nothing is shown while it is available or unknown. */
  host: ProjectHostStatus | undefined;
};

/** The banner of a project whose host is away: which host, and that sends fail until it is back. */
export function ProjectHostAlert({ host }: ProjectHostAlertProps) {
  if (!host || host.available) return null;
  // The front hub's usual reason says no more than the title; any other reason is worth showing.
  const extra = host.reason && host.reason.toLowerCase() !== `project host ${host.id} unavailable` ? host.reason : undefined;
  return <Alert type="warning" showIcon title={`Project host ${host.id} unavailable — sends fail until it is back`} description={extra} data-testid="project-host-alert" />;
}
