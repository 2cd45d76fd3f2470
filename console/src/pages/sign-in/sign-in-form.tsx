import Button from '@cloudscape-design/components/button';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import RadioGroup from '@cloudscape-design/components/radio-group';
import type { SelectProps } from '@cloudscape-design/components/select';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { useEffect, useState } from 'react';
import { ApiError, toApiError } from '../../api/api-error';
import { describeRegions } from '../../api/describe';
import { createEc2Client } from '../../api/ec2-client';
import { callerIdentity } from '../../session/caller-identity';
import type { ServerAuth } from '../../session/server-auth';
import { serverAuth } from '../../session/server-auth';
import type { Session } from '../../session/session';
import { ACCOUNT_SIGN_IN_SECRET } from '../../session/session';
import { regionOption } from '../../shared/region-option';
import { accountIdError } from '../../shared/validation';
import { S } from '../../strings';

type Mode = 'account' | 'keys';

/** The regions list is the same for every account: fetched once per page load. */
let knownRegions: readonly string[] | undefined;

/**
 * Account (a 12-digit id, or an access key and secret) and region. The region list is the
 * server's DescribeRegions answer, fetched with the credentials being entered once they are
 * complete; the account comes from STS GetCallerIdentity, which also proves the server answers.
 */
export function SignInForm({ initial, submitLabel, onSignedIn, onCancel }: {
  initial?: Session;
  submitLabel: string;
  onSignedIn: (session: Session) => void;
  onCancel?: () => void;
}): ReactNode {
  const [mode, setMode] = useState<Mode>(initial && initial.accessKeyId !== initial.accountId ? 'keys' : 'account');
  const [accountId, setAccountId] = useState(initial && initial.accessKeyId === initial.accountId ? initial.accountId : '');
  const [accessKeyId, setAccessKeyId] = useState(initial && initial.accessKeyId !== initial.accountId ? initial.accessKeyId : '');
  const [secret, setSecret] = useState('');
  const [region, setRegion] = useState(initial?.region ?? 'us-east-1');
  const [regions, setRegions] = useState<readonly string[] | undefined>(knownRegions);
  const [regionsError, setRegionsError] = useState<ApiError>();
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [auth, setAuth] = useState<ServerAuth>();

  // A server that checks signatures has no use for the account-id shortcut: keys only.
  useEffect(() => {
    let live = true;
    void serverAuth().then((a) => {
      if (!live) return;
      setAuth(a);
      if (a === 'strict') setMode('keys');
    });
    return () => {
      live = false;
    };
  }, []);

  const credentials = mode === 'account'
    ? (accountIdError(accountId) === undefined ? { accessKeyId: accountId.trim(), secretAccessKey: ACCOUNT_SIGN_IN_SECRET } : undefined)
    : (accessKeyId.trim() !== '' && secret !== '' ? { accessKeyId: accessKeyId.trim(), secretAccessKey: secret } : undefined);

  // The list is fetched when the selector opens, signed with the credentials entered by then
  // (nothing is sent while they are being typed).
  const [regionsLoading, setRegionsLoading] = useState(false);
  const loadRegions = (): void => {
    if (regions || regionsLoading) return;
    if (!credentials) {
      setRegionsError(new ApiError('MissingCredentials', S.signIn.regionsNeedAccount, false));
      return;
    }
    setRegionsError(undefined);
    setRegionsLoading(true);
    describeRegions(createEc2Client({ accountId: '', region, ...credentials })).then(
      (list) => {
        knownRegions = list;
        setRegions(list);
        setRegionsLoading(false);
      },
      (e: unknown) => {
        setRegionsError(toApiError(e));
        setRegionsLoading(false);
      },
    );
  };

  const accountError = submitted && mode === 'account' ? accountIdError(accountId) : undefined;
  const keyError = submitted && mode === 'keys' && accessKeyId.trim() === '' ? S.validation.required : undefined;
  const secretError = submitted && mode === 'keys' && secret === '' ? S.validation.required : undefined;

  const submit = async (): Promise<void> => {
    setSubmitted(true);
    setError(undefined);
    if (!credentials) return;
    setBusy(true);
    try {
      const account = await callerIdentity(credentials, region);
      onSignedIn({ accountId: account, region, ...credentials });
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const options: SelectProps.Option[] = (regions ?? [region]).map(regionOption);
  return (
    <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <Form
        errorText={error ? <span data-testid="api-error">{error.text}</span> : undefined}
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            {onCancel && <Button formAction="none" variant="link" onClick={onCancel}>{S.actions.cancel}</Button>}
            <Button variant="primary" loading={busy}>{submitLabel}</Button>
          </SpaceBetween>
        }
      >
        <SpaceBetween size="l">
          <FormField label={S.signIn.modeLabel}>
            <RadioGroup
              value={mode}
              onChange={({ detail }) => setMode(detail.value as Mode)}
              items={[
                {
                  value: 'account',
                  label: S.signIn.modeAccount,
                  description: auth === 'strict' ? S.signIn.modeAccountStrict : S.signIn.modeAccountDescription,
                  disabled: auth === 'strict',
                },
                { value: 'keys', label: S.signIn.modeKeys, description: auth === 'strict' ? S.signIn.modeKeysStrict : S.signIn.modeKeysDescription },
              ]}
            />
          </FormField>
          {mode === 'account' ? (
            <FormField label={S.signIn.accountId} constraintText={S.signIn.accountIdConstraint} errorText={accountError}>
              <Input value={accountId} inputMode="numeric" autoFocus placeholder="111111111111" onChange={({ detail }) => setAccountId(detail.value)} />
            </FormField>
          ) : (
            <>
              <FormField label={S.signIn.accessKeyId} errorText={keyError}>
                <Input value={accessKeyId} autoComplete="username" onChange={({ detail }) => setAccessKeyId(detail.value)} />
              </FormField>
              <FormField label={S.signIn.secretAccessKey} errorText={secretError}>
                <Input value={secret} type="password" autoComplete="current-password" onChange={({ detail }) => setSecret(detail.value)} />
              </FormField>
            </>
          )}
          <FormField label={S.signIn.region} description={S.signIn.regionDescription}>
            <Select
              triggerVariant="option"
              selectedOption={regionOption(region)}
              options={options}
              filteringType="auto"
              statusType={regions ? 'finished' : regionsLoading ? 'loading' : regionsError ? 'error' : 'pending'}
              loadingText={S.signIn.regionsLoading}
              errorText={regionsError?.code === 'MissingCredentials' ? regionsError.message : regionsError?.text}
              recoveryText={S.actions.retry}
              onLoadItems={loadRegions}
              onChange={({ detail }) => setRegion(detail.selectedOption.value ?? region)}
            />
          </FormField>
        </SpaceBetween>
      </Form>
    </form>
  );
}
