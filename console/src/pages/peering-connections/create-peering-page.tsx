import type { VpcPeeringConnection } from '@aws-sdk/client-ec2';
import { CreateVpcPeeringConnectionCommand } from '@aws-sdk/client-ec2';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Modal from '@cloudscape-design/components/modal';
import RadioGroup from '@cloudscape-design/components/radio-group';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { describeVpcs } from '../../api/describe';
import { useResource } from '../../api/use-resource';
import { navigate } from '../../router/navigate';
import { useScopeKey, useSession } from '../../session/session-context';
import { CreateForm } from '../../shared/create-form';
import { ErrorAlert } from '../../shared/error-alert';
import { useNotifications } from '../../shared/notifications';
import { useFormSubmit } from '../../shared/use-form-submit';
import { PeeringStatus } from '../../shared/peering-status';
import { regionOption } from '../../shared/region-option';
import { vpcCidrs, vpcOption } from '../../shared/vpc-option';
import { accountIdError, vpcIdError } from '../../shared/validation';
import { S } from '../../strings';

/** The guide's form: a name, the requester VPC, then which account, region and VPC to peer with. */
export function CreatePeeringPage(): ReactNode {
  const { ec2, session, regions } = useSession();
  const { notify } = useNotifications();
  const vpcs = useResource(useScopeKey('vpcs'), (signal) => describeVpcs(ec2, signal));
  const [name, setName] = useState('');
  const [requesterVpcId, setRequesterVpcId] = useState('');
  const [otherAccount, setOtherAccount] = useState(false);
  const [peerAccount, setPeerAccount] = useState('');
  const [otherRegion, setOtherRegion] = useState(false);
  const [peerRegion, setPeerRegion] = useState('');
  const [accepterPicked, setAccepterPicked] = useState('');
  const [accepterTyped, setAccepterTyped] = useState('');
  const [created, setCreated] = useState<VpcPeeringConnection>();

  const ownVpcs = vpcs.data ?? [];
  const local = !otherAccount && !otherRegion;
  const accepterVpcId = local ? accepterPicked : accepterTyped.trim();
  const requester = ownVpcs.find((v) => v.VpcId === requesterVpcId);
  const errors = {
    requester: requesterVpcId === '' ? S.validation.chooseVpc : undefined,
    account: otherAccount ? accountIdError(peerAccount) : undefined,
    region: otherRegion && peerRegion === '' ? S.validation.chooseRegion : undefined,
    accepter: local ? (accepterPicked === '' ? S.validation.chooseVpc : undefined) : vpcIdError(accepterTyped),
  };

  // The page stays to show the new connection in a dialog, so the button settles on success too.
  const { submitted, busy, error, submit } = useFormSubmit(Object.values(errors).some((e) => e !== undefined), async () => {
    const r = await ec2.send(new CreateVpcPeeringConnectionCommand({
      VpcId: requesterVpcId,
      PeerVpcId: accepterVpcId,
      PeerOwnerId: otherAccount ? peerAccount.trim() : undefined,
      PeerRegion: otherRegion ? peerRegion : undefined,
      TagSpecifications: name.trim() ? [{ ResourceType: 'vpc-peering-connection', Tags: [{ Key: 'Name', Value: name.trim() }] }] : undefined,
    }));
    setCreated(r.VpcPeeringConnection);
    notify({ type: 'success', content: S.createPeering.requested(r.VpcPeeringConnection?.VpcPeeringConnectionId ?? '') });
  }, { idleAfterSuccess: true });
  const shown = (e: string | undefined): string | undefined => (submitted ? e : undefined);

  const createdId = created?.VpcPeeringConnectionId ?? '';
  return (
    <CreateForm
      text={S.createPeering}
      cancelHref="/peering-connections"
      busy={busy}
      onSubmit={() => void submit()}
      errorText={error && !error.network ? <span data-testid="api-error">{error.text}</span> : undefined}
      outside={created && (
        <Modal
          visible
          header={S.createPeering.confirmHeader}
          onDismiss={() => navigate(`/peering-connections/${createdId}`)}
          footer={<Box float="right"><Button variant="primary" onClick={() => navigate(`/peering-connections/${createdId}`)}>{S.actions.ok}</Button></Box>}
        >
          <SpaceBetween size="m">
            <Box>{S.createPeering.confirmBody(createdId)}</Box>
            <KeyValuePairs
              columns={2}
              items={[
                { label: S.peering.id, value: createdId },
                { label: S.peering.status, value: <PeeringStatus code={created.Status?.Code} message={created.Status?.Message} showMessage /> },
              ]}
            />
          </SpaceBetween>
        </Modal>
      )}
    >
      {error?.network && <ErrorAlert error={error} header={S.createPeering.error} onRetry={() => void submit()} />}
      {vpcs.error && <ErrorAlert error={vpcs.error} header={S.vpcs.loadError} onRetry={vpcs.reload} />}
      <Container header={<Header variant="h2">{S.createPeering.settings}</Header>}>
        <SpaceBetween size="l">
          <FormField label={<>{S.createPeering.name} <i>- {S.common.optional}</i></>} description={S.createPeering.nameDescription}>
            <Input value={name} placeholder={S.createPeering.namePlaceholder} onChange={({ detail }) => setName(detail.value)} />
          </FormField>
          <FormField label={S.createPeering.requesterVpc} description={S.createPeering.requesterVpcDescription} errorText={shown(errors.requester)}>
            <Select
              selectedOption={requester ? vpcOption(requester) : null}
              placeholder={S.createPeering.chooseVpc}
              options={ownVpcs.map(vpcOption)}
              filteringType="auto"
              statusType={vpcs.loading ? 'loading' : vpcs.error ? 'error' : 'finished'}
              loadingText={S.vpcs.loading}
              empty={S.vpcs.none}
              onChange={({ detail }) => setRequesterVpcId(detail.selectedOption.value ?? '')}
            />
          </FormField>
          {requester && (
            <KeyValuePairs columns={2} items={[{ label: S.createPeering.requesterCidrs, value: vpcCidrs(requester).join(', ') }, { label: S.createPeering.requesterOwner, value: session.accountId }]} />
          )}
        </SpaceBetween>
      </Container>
      <Container header={<Header variant="h2" description={S.createPeering.peerDescription}>{S.createPeering.peerTitle}</Header>}>
        <SpaceBetween size="l">
          <FormField label={S.createPeering.account}>
            <RadioGroup
              value={otherAccount ? 'other' : 'mine'}
              onChange={({ detail }) => setOtherAccount(detail.value === 'other')}
              items={[
                { value: 'mine', label: S.createPeering.myAccount, description: session.accountId },
                { value: 'other', label: S.createPeering.anotherAccount },
              ]}
            />
          </FormField>
          {otherAccount && (
            <FormField label={S.createPeering.accountId} description={S.createPeering.accountIdDescription} constraintText={S.signIn.accountIdConstraint} errorText={shown(errors.account)}>
              <Input value={peerAccount} inputMode="numeric" placeholder="222222222222" onChange={({ detail }) => setPeerAccount(detail.value)} />
            </FormField>
          )}
          <FormField label={S.createPeering.region}>
            <RadioGroup
              value={otherRegion ? 'other' : 'this'}
              onChange={({ detail }) => setOtherRegion(detail.value === 'other')}
              items={[
                { value: 'this', label: S.createPeering.thisRegion(session.region) },
                { value: 'other', label: S.createPeering.anotherRegion },
              ]}
            />
          </FormField>
          {otherRegion && (
            <FormField label={S.createPeering.peerRegion} errorText={shown(errors.region)}>
              <Select
                selectedOption={peerRegion ? regionOption(peerRegion) : null}
                placeholder={S.createPeering.chooseRegion}
                options={regions.filter((r) => r !== session.region).map(regionOption)}
                filteringType="auto"
                onChange={({ detail }) => setPeerRegion(detail.selectedOption.value ?? '')}
              />
            </FormField>
          )}
          {local ? (
            <FormField label={S.createPeering.accepterVpc} description={S.createPeering.accepterPickDescription} errorText={shown(errors.accepter)}>
              <Select
                selectedOption={(() => {
                  const v = ownVpcs.find((x) => x.VpcId === accepterPicked);
                  return v ? vpcOption(v) : null;
                })()}
                placeholder={S.createPeering.chooseVpc}
                options={ownVpcs.filter((v) => v.VpcId !== requesterVpcId).map(vpcOption)}
                filteringType="auto"
                statusType={vpcs.loading ? 'loading' : 'finished'}
                loadingText={S.vpcs.loading}
                empty={S.vpcs.none}
                onChange={({ detail }) => setAccepterPicked(detail.selectedOption.value ?? '')}
              />
            </FormField>
          ) : (
            <FormField label={S.createPeering.accepterVpc} description={S.createPeering.accepterTypeDescription} constraintText={S.createPeering.vpcIdConstraint} errorText={shown(errors.accepter)}>
              <Input value={accepterTyped} placeholder="vpc-0123456789abcdef0" onChange={({ detail }) => setAccepterTyped(detail.value)} />
            </FormField>
          )}
        </SpaceBetween>
      </Container>
    </CreateForm>
  );
}
