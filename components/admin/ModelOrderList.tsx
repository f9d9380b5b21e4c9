import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Typography } from 'antd';
import { moveItem } from '../../stores/room/index.js';

export type ModelOrderListProps = {
  id: string;
  /** The chosen models, in the order users see them; the first is the default. */
  value: string[];
  /** Models the agent reported, offered as suggestions; any other name can be typed. */
  suggestions: string[];
  onChange: (models: string[]) => void;
};

/** Picks the offered models and their order: a tag picker plus up/down/remove per model. */
export function ModelOrderList({ id, value, suggestions, onChange }: ModelOrderListProps) {
  return (
    <Flex vertical gap={6}>
      <Select
        id={id}
        mode="tags"
        value={value}
        placeholder="Empty: offer whatever the agent reports"
        options={suggestions.map((model) => ({ value: model, label: model }))}
        onChange={(models: string[]) => onChange(models.map((model) => model.trim()))}
      />
      <ol aria-label="Offered models in order" style={{ margin: 0, paddingLeft: 20 }}>
        {value.map((model, index) => (
          <li key={`${model}-${index}`}>
            <Flex align="center" gap={4}>
              <Typography.Text code>{model}</Typography.Text>
              {index === 0 && <Typography.Text type="secondary">(default)</Typography.Text>}
              <Button size="small" type="text" icon={<ArrowUpOutlined />} aria-label={`Move ${model} up`} disabled={index === 0} onClick={() => onChange(moveItem(value, index, -1))} />
              <Button
                size="small"
                type="text"
                icon={<ArrowDownOutlined />}
                aria-label={`Move ${model} down`}
                disabled={index === value.length - 1}
                onClick={() => onChange(moveItem(value, index, 1))}
              />
              <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`Remove ${model}`} onClick={() => onChange(value.filter((_, at) => at !== index))} />
            </Flex>
          </li>
        ))}
      </ol>
    </Flex>
  );
}
