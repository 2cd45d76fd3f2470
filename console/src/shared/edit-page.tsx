import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Form from '@cloudscape-design/components/form';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { useState } from 'react';
import type { ApiError } from '../api/api-error';
import { toApiError } from '../api/api-error';
import type { Resource } from '../api/use-resource';
import { navigate } from '../router/navigate';
import { S } from '../strings';
import { ErrorAlert } from './error-alert';
import { useNotifications } from './notifications';

/**
 * An editor of one resource's settings or rules (Edit inbound rules, Edit subnet settings...):
 * Cancel and Save changes; Save runs the page's writes in order and goes back to the resource.
 * If one is refused its error shows, the resource is read again (some writes may have landed)
 * and the user's edits stay for another try.
 */
export function EditPage({ title, description, backHref, resource, loadError, saveError, saved, invalid, save, children }: {
  title: string;
  description?: string;
  backHref: string;
  resource: Pick<Resource<unknown>, 'data' | 'error' | 'reload'>;
  loadError: string;
  saveError: string;
  /** The notice after a save. */
  saved: string;
  /** Field errors: Save shows them (via `submitted`) and sends nothing. */
  invalid: boolean;
  save: () => Promise<void>;
  children: (submitted: boolean) => ReactNode;
}): ReactNode {
  const { notify } = useNotifications();
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError>();
  const run = async (): Promise<void> => {
    setSubmitted(true);
    setError(undefined);
    if (invalid || resource.data === undefined) return;
    setSaving(true);
    try {
      await save();
    } catch (e) {
      setError(toApiError(e));
      setSaving(false);
      resource.reload();
      return;
    }
    setSaving(false);
    notify({ type: 'success', content: saved });
    navigate(backHref);
  };
  return (
    <ContentLayout header={<Header variant="h1" description={description}>{title}</Header>}>
      <form onSubmit={(e) => { e.preventDefault(); void run(); }}>
        <Form
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button formAction="none" variant="link" onClick={() => navigate(backHref)}>{S.actions.cancel}</Button>
              <Button variant="primary" loading={saving} disabled={resource.data === undefined}>{S.actions.saveChanges}</Button>
            </SpaceBetween>
          }
        >
          <SpaceBetween size="l">
            {resource.error && <ErrorAlert error={resource.error} header={loadError} onRetry={resource.reload} />}
            {error && <ErrorAlert error={error} header={saveError} onRetry={error.network ? () => void run() : undefined} onDismiss={() => setError(undefined)} />}
            {children(submitted)}
          </SpaceBetween>
        </Form>
      </form>
    </ContentLayout>
  );
}
