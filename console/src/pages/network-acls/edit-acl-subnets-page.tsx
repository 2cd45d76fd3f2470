import type { Subnet } from '@aws-sdk/client-ec2';
import { ReplaceNetworkAclAssociationCommand } from '@aws-sdk/client-ec2';
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import type { ReactNode } from 'react';
import { describeNetworkAcls, describeSubnets, only } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { useScopeKey, useSession } from '../../session/session-context';
import { EditPage } from '../../shared/edit-page';
import { EmptyState } from '../../shared/empty-state';
import { selectionLabels } from '../../shared/selection-labels';
import { nameTag } from '../../shared/tags';
import { useEdits } from '../../shared/use-edits';
import { S } from '../../strings';

/**
 * Which subnets of the VPC use this ACL. Every subnet has exactly one ACL, so joining this one
 * replaces the subnet's current association, and leaving a custom ACL goes back to the default.
 */
export function EditAclSubnetsPage({ id }: { id: string }): ReactNode {
  const { ec2 } = useSession();
  const resource = useResource(useScopeKey('edit-acl-subnets', id), async (signal) => {
    const acl = await only(describeNetworkAcls(ec2, signal, [id]), id);
    const vpcFilter = [{ Name: 'vpc-id', Values: [acl.VpcId ?? ''] }];
    const [subnets, acls] = await Promise.all([describeSubnets(ec2, signal, vpcFilter), describeNetworkAcls(ec2, signal, undefined, vpcFilter)]);
    const current = new Map<string, { aclId: string; associationId: string }>();
    for (const a of acls) for (const x of a.Associations ?? []) if (x.SubnetId && x.NetworkAclAssociationId) current.set(x.SubnetId, { aclId: a.NetworkAclId ?? '', associationId: x.NetworkAclAssociationId });
    return { isDefault: acl.IsDefault === true, subnets, current, defaultAclId: acls.find((a) => a.IsDefault)?.NetworkAclId ?? '' };
  });
  const loaded = resource.data;
  const [selected, setSelected] = useEdits(loaded, (l): readonly Subnet[] => l.subnets.filter((s) => l.current.get(s.SubnetId ?? '')?.aclId === id));

  const save = async (): Promise<void> => {
    if (!loaded || !selected) return;
    const want = new Set(selected.map((s) => s.SubnetId ?? ''));
    for (const s of loaded.subnets) {
      const subnetId = s.SubnetId ?? '';
      const now = loaded.current.get(subnetId);
      if (!now) continue;
      if (want.has(subnetId) && now.aclId !== id) await ec2.send(new ReplaceNetworkAclAssociationCommand({ AssociationId: now.associationId, NetworkAclId: id }));
      else if (!want.has(subnetId) && now.aclId === id && !loaded.isDefault) await ec2.send(new ReplaceNetworkAclAssociationCommand({ AssociationId: now.associationId, NetworkAclId: loaded.defaultAclId }));
    }
  };

  return (
    <EditPage
      title={S.networkAcls.editSubnetsTitle(id)}
      description={S.networkAcls.editSubnetsDescription}
      backHref={`/network-acls/${id}`}
      resource={resource}
      loadError={S.networkAcls.loadError}
      saveError={S.networkAcls.associationsError}
      saved={S.networkAcls.associationsSaved(id)}
      invalid={false}
      save={save}
    >
      {() => (
        <Table<Subnet>
          items={[...(loaded?.subnets ?? [])]}
          loading={!loaded && !resource.error}
          loadingText={S.subnets.loading}
          selectionType="multi"
          selectedItems={[...(selected ?? [])]}
          onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
          // On the default ACL a subnet can only leave by joining another ACL.
          isItemDisabled={(s) => Boolean(loaded?.isDefault && loaded.current.get(s.SubnetId ?? '')?.aclId === id)}
          trackBy={(s) => s.SubnetId ?? ''}
          ariaLabels={selectionLabels<Subnet>((s) => s.SubnetId ?? '', S.subnets.title)}
          header={<Header variant="h2" description={loaded?.isDefault ? S.networkAcls.defaultStays : undefined} counter={loaded ? `(${(selected ?? []).length}/${loaded.subnets.length})` : undefined}>{S.subnets.title}</Header>}
          empty={<EmptyState title={S.subnets.empty} />}
          columnDefinitions={[
            { id: 'id', header: S.subnets.id, cell: (s) => s.SubnetId, isRowHeader: true },
            { id: 'name', header: S.subnets.name, cell: (s) => nameTag(s.Tags) || '-' },
            { id: 'cidr', header: S.subnets.ipv4Cidr, cell: (s) => s.CidrBlock },
            { id: 'acl', header: S.networkAcls.currentAcl, cell: (s) => loaded?.current.get(s.SubnetId ?? '')?.aclId ?? '-' },
          ]}
        />
      )}
    </EditPage>
  );
}
