import type { AttributeEditorProps } from '@cloudscape-design/components/attribute-editor';
import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import type { ReactNode } from 'react';
import { S } from '../strings';
import type { RuleType } from './rule-types';
import { portRangeText, protocolLabel, RULE_TYPE_OPTIONS, typeByLabel } from './rule-types';

/** What every rule row being edited has: its Type and, for a custom type, the ports typed. */
export interface RuleDraft {
  readonly key: string;
  readonly type: RuleType;
  readonly ports: string;
}

/**
 * The rows of AWS's Edit inbound (or outbound) rules, for security groups and network ACLs alike:
 * the family's own first column, then Type, Protocol and Port range (typed only for a custom
 * type), then the family's other columns; Add rule and Remove. A `locked` row (an ACL's `*`
 * rule) shows its Type and ports as text.
 */
export function RuleEditor<D extends RuleDraft>({ egress, drafts, onChange, onAdd, isItemRemovable, widths, first, rest, portsError, locked = () => false }: {
  egress: boolean;
  /** Undefined until loaded (Add rule waits). */
  drafts: readonly D[] | undefined;
  onChange: (drafts: D[]) => void;
  onAdd: () => void;
  isItemRemovable?: (d: D) => boolean;
  /** The grid's column widths, one per column. */
  widths: readonly number[];
  first: AttributeEditorProps.FieldDefinition<D>;
  rest: readonly AttributeEditorProps.FieldDefinition<D>[];
  portsError: (d: D, i: number) => string | undefined;
  locked?: (d: D) => boolean;
}): ReactNode {
  const rows = drafts ?? [];
  const update = (i: number, change: Partial<RuleDraft>): void => onChange(rows.map((d, j) => (j === i ? { ...d, ...change } : d)));
  // Every cell says which row it is in, so a row's fields can be found together.
  const inRow = (f: AttributeEditorProps.FieldDefinition<D>): AttributeEditorProps.FieldDefinition<D> => ({ ...f, control: (d, i) => <div data-rule-row={i}>{typeof f.control === 'function' ? f.control(d, i) : f.control}</div> });
  return (
    <Container header={<Header variant="h2">{egress ? S.rules.outbound : S.rules.inbound}</Header>}>
      <AttributeEditor<D>
        items={rows}
        addButtonText={S.rules.addRule}
        disableAddButton={drafts === undefined}
        removeButtonText={S.rules.delete}
        isItemRemovable={isItemRemovable}
        empty={S.rules.none}
        gridLayout={[{ rows: [[...widths]], removeButton: { width: 'auto' } }]}
        onAddButtonClick={onAdd}
        onRemoveButtonClick={({ detail }) => onChange(rows.filter((_, i) => i !== detail.itemIndex))}
        definition={([
          first,
          {
            label: S.rules.type,
            control: (d, i) => (locked(d) ? <Box padding={{ top: 'xxs' }}>{d.type.label}</Box> : <Select selectedOption={{ value: d.type.label, label: d.type.label }} options={RULE_TYPE_OPTIONS} expandToViewport onChange={({ detail }) => update(i, { type: typeByLabel(detail.selectedOption.value ?? '') })} />),
          },
          { label: S.rules.protocol, control: (d) => <Box padding={{ top: 'xxs' }}>{protocolLabel(d.type.protocol)}</Box> },
          {
            label: S.rules.portRange,
            control: (d, i) => (d.type.custom && !locked(d) ? <Input value={d.ports} placeholder="0 - 65535" onChange={({ detail }) => update(i, { ports: detail.value })} /> : <Box padding={{ top: 'xxs' }}>{d.type.ports ? portRangeText(d.type.protocol, d.type.ports[0], d.type.ports[1]) : 'All'}</Box>),
            errorText: portsError,
          },
          ...rest,
        ] satisfies AttributeEditorProps.FieldDefinition<D>[]).map(inRow)}
      />
    </Container>
  );
}
