export { CONTAINER_CLI_OPTIONS, CONTAINER_USAGE, containerSettingsFromArgs, multiuserContainerSettingsFromArgs } from './container-cli-options.js';
export { DEFAULT_CONTAINER_SETTINGS, CONTAINER_PROJECT_PATH, PROJECT_STATE_FOLDER, type ContainerNetwork, type ContainerSettings } from './container-settings.js';
export { createContainerLauncher, createProjectContainers, liteProjectId, containerOwner, withAgentLauncher, type ContainerLauncher, type ContainerLauncherOptions } from './container-launcher.js';
export { ProjectContainers } from './project-containers.js';
export { containerSettingsInfo } from './container-settings-info.js';
export { prepareRootfs, prepareDebootstrapRootfs } from './prepare-rootfs.js';
export { checkPodman, ContainerError, PODMAN_MISSING } from './podman-cli.js';
export { runContainersCommand } from './containers-command.js';
