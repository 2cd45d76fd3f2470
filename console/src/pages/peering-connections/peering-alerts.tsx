import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { useSession } from '../../session/session-context';
import { regionName } from '../../shared/region-option';
import { S } from '../../strings';
import type { PeeringPermissions } from './peering-permissions';

/** The guide's peer-phishing warning, with the requesting account where it cannot be missed. */
export function PhishingWarning({ account }: { account: string }): ReactNode {
  return (
    <Alert type="warning" header={S.phishing.header}>
      <SpaceBetween size="xs">
        <Box fontSize="heading-m" fontWeight="bold" data-testid="phishing-account">
          {S.phishing.requestFrom} <span className="vpcpeer-account">{account}</span>
        </Box>
        <Box>{S.phishing.body}</Box>
      </SpaceBetween>
    </Alert>
  );
}

/** An inter-region request seen from the requester's region: where to accept it, one click away. */
export function AcceptElsewhereAlert({ region }: { region: string }): ReactNode {
  const { switchRegion, session } = useSession();
  return (
    <Alert
      type="info"
      header={S.acceptElsewhere.header(region, regionName(region))}
      action={<Button onClick={() => switchRegion(region, { keepResource: true })}>{S.acceptElsewhere.switchTo(region)}</Button>}
    >
      {S.acceptElsewhere.body(session.region, region)}
    </Alert>
  );
}

export function PeeringAlerts({ permissions }: { permissions: PeeringPermissions }): ReactNode {
  if (!permissions.phishingFrom && !permissions.acceptInRegion) return null;
  return (
    <SpaceBetween size="s">
      {permissions.acceptInRegion && <AcceptElsewhereAlert region={permissions.acceptInRegion} />}
      {permissions.phishingFrom && <PhishingWarning account={permissions.phishingFrom} />}
    </SpaceBetween>
  );
}
