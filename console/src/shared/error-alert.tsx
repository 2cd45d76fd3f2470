import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { useContext } from 'react';
import type { ApiError } from '../api/api-error';
import { followLink } from '../router/follow-link';
import { useLocation } from '../router/use-location';
import { SessionContext } from '../session/session-context';
import { S } from '../strings';
import type { ErrorHelpLink } from './error-help';
import { errorHelp } from './error-help';

/** The ids in a path (`/route-tables/rtb-1/edit-routes`): what the page is about. */
const pathIds = (path: string): string[] => path.split('/').filter((p) => /^[a-z]+-[0-9a-f]+$/.test(p));

function HelpLink({ link, here }: { link: ErrorHelpLink; here: string }): ReactNode {
  const session = useContext(SessionContext);
  if ('signIn' in link) {
    // Signed out there is no switcher to open: the sign-in panel is already the page.
    return session ? <Link onFollow={() => session.openAccountSwitcher()}>{link.text}</Link> : null;
  }
  // A link to the page already shown would do nothing.
  if (link.href === here) return null;
  return <Link href={link.href} onFollow={followLink}>{link.text}</Link>;
}

/**
 * A refused or failed request: what went wrong in plain words with a link to where it is fixed
 * (when there is one), the server's AWS error code and message exactly as sent in smaller type,
 * and a retry when the request never got an answer (or when the caller can simply try again).
 */
export function ErrorAlert({ error, header, onRetry, onDismiss }: { error: ApiError; header: string; onRetry?: () => void; onDismiss?: () => void }): ReactNode {
  const { path } = useLocation();
  const help = error.network ? undefined : errorHelp(error.code, error.message, pathIds(path));
  return (
    <Alert
      type="error"
      header={error.network ? S.errors.networkHeader : header}
      dismissible={onDismiss !== undefined}
      onDismiss={onDismiss}
      action={onRetry ? <Button onClick={onRetry}>{S.actions.retry}</Button> : undefined}
    >
      {help ? (
        <SpaceBetween size="xxs">
          <span data-testid="api-error-help">
            {help.sentence}
            {help.link && (
              <>
                {' '}
                <HelpLink link={help.link} here={path} />
              </>
            )}
          </span>
          <Box variant="small" color="text-body-secondary">
            <span data-testid="api-error">{error.text}</span>
          </Box>
        </SpaceBetween>
      ) : (
        <span data-testid="api-error">{error.text}</span>
      )}
    </Alert>
  );
}
