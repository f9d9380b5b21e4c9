import * as antd from 'antd';
import type { ComponentType, ReactNode } from 'react';

// One sample element of each antd component, rendered on the server only to make antd register the
// component's styles (the markup is thrown away). The build asks for the components its bundle
// contains (vite-plugin-antd-styles.ts), so a component someone starts using is extracted too.

/** Exports that are not components with styles of their own, or cannot render without a page. */
const NOT_RENDERED = new Set(['ConfigProvider', 'Grid', 'Tour', 'Watermark']);

/** Components whose first render needs children or a sub-component to register their styles. */
const CUSTOM: Record<string, () => ReactNode> = {
  Affix: () => (
    <antd.Affix>
      <div />
    </antd.Affix>
  ),
  BackTop: () => <antd.FloatButton.BackTop visibilityHeight={0} />,
  Dropdown: () => <antd.Dropdown._InternalPanelDoNotUseOrYouWillBeFired menu={{ items: [{ key: 'a', label: 'a' }] }} />,
  Menu: () => <antd.Menu items={[{ key: 'a', label: 'a', children: [{ key: 'b', label: 'b' }] }, { type: 'divider' }]} />,
  Anchor: () => <antd.Anchor items={[{ key: 'a', href: '#a', title: 'a' }]} />,
  Tabs: () => <antd.Tabs items={[{ key: 'a', label: 'a', children: 'a' }]} />,
  Collapse: () => <antd.Collapse items={[{ key: 'a', label: 'a', children: 'a' }]} />,
  Steps: () => <antd.Steps items={[{ title: 'a' }]} />,
  Timeline: () => <antd.Timeline items={[{ children: 'a' }]} />,
  Descriptions: () => <antd.Descriptions items={[{ key: 'a', label: 'a', children: 'a' }]} />,
  Breadcrumb: () => <antd.Breadcrumb items={[{ title: 'a' }]} />,
  Table: () => <antd.Table columns={[{ title: 'a', dataIndex: 'a' }]} dataSource={[{ key: 1, a: 'a' }]} />,
  Form: () => (
    <antd.Form>
      <antd.Form.Item label="a">
        <antd.Input />
      </antd.Form.Item>
    </antd.Form>
  ),
  Layout: () => (
    <antd.Layout>
      <antd.Layout.Header />
      <antd.Layout.Sider />
      <antd.Layout.Content />
      <antd.Layout.Footer />
    </antd.Layout>
  ),
  Space: () => (
    <>
      <antd.Space>a</antd.Space>
      <antd.Space.Compact>
        <antd.Button>a</antd.Button>
        <antd.Input />
      </antd.Space.Compact>
    </>
  ),
  Typography: () => (
    <antd.Typography>
      <antd.Typography.Title>a</antd.Typography.Title>
      <antd.Typography.Paragraph ellipsis copyable>a</antd.Typography.Paragraph>
      <antd.Typography.Text code>a</antd.Typography.Text>
      <antd.Typography.Link>a</antd.Typography.Link>
    </antd.Typography>
  ),
  Input: () => (
    <>
      <antd.Input />
      <antd.Input.TextArea />
      <antd.Input.Search />
      <antd.Input.Password />
      <antd.Input.OTP />
    </>
  ),
  Checkbox: () => <antd.Checkbox.Group options={['a']} />,
  Radio: () => <antd.Radio.Group options={['a']} optionType="button" />,
  Splitter: () => (
    <antd.Splitter>
      <antd.Splitter.Panel>a</antd.Splitter.Panel>
      <antd.Splitter.Panel>b</antd.Splitter.Panel>
    </antd.Splitter>
  ),
};

type Renderable = ComponentType<Record<string, unknown>> & { _InternalPanelDoNotUseOrYouWillBeFired?: ComponentType<Record<string, unknown>> };

/** The sample of one antd export: its custom render, its internal panel (popups), else `<C />`. */
function sampleOf(name: string, component: Renderable): ReactNode {
  const custom = CUSTOM[name];
  if (custom) return custom();
  const Panel = component._InternalPanelDoNotUseOrYouWillBeFired;
  if (Panel) return <Panel />;
  const Component = component;
  return <Component />;
}

/**
 * [name, element] for each component export of antd (a capitalised name, a function or forwardRef;
 * `message` and `notification`),
 * or of those named in `only` when it is not empty (case and dashes ignored: `date-picker` = `DatePicker`).
 */
export function antdComponentSamples(only: string[] = []): Array<[string, ReactNode]> {
  const wanted = new Set(only.map((name) => name.replaceAll('-', '').toLowerCase()));
  return Object.entries(antd as unknown as Record<string, Renderable>)
    .filter(([name]) => !NOT_RENDERED.has(name) && (wanted.size === 0 || wanted.has(name.toLowerCase())))
    // Components, and the `message` / `notification` APIs, which have a panel to render.
    .filter(([name, value]) => (/^[A-Z]/.test(name) && (typeof value === 'function' || (typeof value === 'object' && value !== null))) || Boolean(value?._InternalPanelDoNotUseOrYouWillBeFired))
    .map(([name, value]) => [name, sampleOf(name, value)]);
}
