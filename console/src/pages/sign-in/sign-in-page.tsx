import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import type { Session } from '../../session/session';
import { S } from '../../strings';
import { SignInForm } from './sign-in-form';

/** Shown until an account is chosen; the page asked for stays in the address bar and opens after. */
export function SignInPage({ onSignedIn }: { onSignedIn: (session: Session) => void }): ReactNode {
  return (
    <div className="vpcpeer-sign-in">
      <SpaceBetween size="l">
        <Box variant="h1" fontSize="display-l" textAlign="center">{S.product.name}</Box>
        <Container header={<Header variant="h2" description={S.signIn.description}>{S.signIn.title}</Header>}>
          <SignInForm submitLabel={S.signIn.submit} onSignedIn={onSignedIn} />
        </Container>
        <Box variant="small" textAlign="center" color="text-body-secondary">{S.signIn.footer}</Box>
      </SpaceBetween>
    </div>
  );
}
