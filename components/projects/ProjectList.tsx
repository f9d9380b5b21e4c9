import { Alert, Button, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import type { ProjectInfo } from '../../src/protocol/index.js';
import { RoleTag } from './RoleTag.js';

export type ProjectListProps = {
  /** null while projects.list has not answered. */
  projects: readonly ProjectInfo[] | null;
  /** Why projects.list failed, with a retry. */
  error?: string | null;
  onRetry?: () => void;
  /** The link of a project (the page's route). */
  hrefOf: (projectId: string) => string;
};

/** The projects this account is a member of: name and role, each a link to its chats; a host that is down (a cluster) is said. */
export function ProjectList({ projects, error, onRetry, hrefOf }: ProjectListProps) {
  if (error) {
    return (
      <Alert
        type="error"
        showIcon
        title={`Could not load your projects: ${error}`}
        action={onRetry && <Button size="small" onClick={onRetry}>Retry</Button>}
      />
    );
  }
  if (projects === null) return <Skeleton active paragraph={{ rows: 3 }} aria-label="Loading your projects" />;
  if (projects.length === 0) {
    return <Empty description="You are not a member of any project yet. An admin or a project owner can add you." />;
  }
  const sorted = [...projects].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <nav aria-label="Your projects">
      <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {sorted.map((project) => (
          <li key={project.id} data-project-id={project.id} style={{ padding: '8px 0', borderBottom: '1px solid rgba(0, 0, 0, 0.06)' }}>
            <Flex gap={8} align="center">
              <a href={hrefOf(project.id)} aria-label={`Open project ${project.name} (${project.role})`}>
                <Typography.Text strong>{project.name}</Typography.Text>
              </a>
              <RoleTag role={project.role} />
              {project.host && !project.host.available && (
                <Tag color="warning" title={project.host.reason}>
                  Host {project.host.id} unavailable
                </Tag>
              )}
            </Flex>
          </li>
        ))}
      </ul>
    </nav>
  );
}
