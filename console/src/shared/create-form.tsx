import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Form from '@cloudscape-design/components/form';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { navigate } from '../router/navigate';
import { S } from '../strings';

/**
 * A create page's frame, the same on every page: title and description, a real <form> so Enter
 * submits, Cancel (which must not submit, hence formAction="none") back to the list, and the
 * primary submit button showing `busy`. The page's alerts and containers are the children;
 * `outside` is rendered after the form (e.g. a confirmation dialog).
 */
export function CreateForm({ text, cancelHref, busy, onSubmit, errorText, outside, children }: {
  /** The page's strings (e.g. `S.createVpc`): its title, description and submit label. */
  text: { title: string; description: string; submit: string };
  cancelHref: string;
  busy: boolean;
  onSubmit: () => void;
  errorText?: ReactNode;
  outside?: ReactNode;
  children: ReactNode;
}): ReactNode {
  return (
    <ContentLayout header={<Header variant="h1" description={text.description}>{text.title}</Header>}>
      <form onSubmit={(e) => { e.preventDefault(); onSubmit(); }}>
        <Form
          errorText={errorText}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button formAction="none" variant="link" onClick={() => navigate(cancelHref)}>{S.actions.cancel}</Button>
              <Button variant="primary" loading={busy}>{text.submit}</Button>
            </SpaceBetween>
          }
        >
          <SpaceBetween size="l">
            {children}
          </SpaceBetween>
        </Form>
      </form>
      {outside}
    </ContentLayout>
  );
}
