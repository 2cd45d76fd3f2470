import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import type { KeyValuePairsProps } from '@cloudscape-design/components/key-value-pairs';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { TabsProps } from '@cloudscape-design/components/tabs';
import Tabs from '@cloudscape-design/components/tabs';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { ReactNode } from 'react';
import { useContext, useEffect, useRef } from 'react';
import type { Resource } from '../api/use-resource';
import { EmbeddedDetails } from './embedded-details';
import { ErrorAlert } from './error-alert';
import { S } from '../strings';

/** The split panel's tabs: Details first, holding the pairs and the page's own Details tab if it has one. */
function embeddedTabs(items: readonly KeyValuePairsProps.Item[], tabs: readonly TabsProps.Tab[]): TabsProps.Tab[] {
  const own = tabs.find((t) => t.id === 'details');
  const pairs = <KeyValuePairs columns={4} items={items} />;
  const content = own ? <SpaceBetween size="l">{pairs}{own.content}</SpaceBetween> : pairs;
  return [{ id: 'details', label: S.splitPanel.detailsTab, content }, ...tabs.filter((t) => t !== own)];
}

/**
 * A details page, laid out the same for every resource (as the AWS console does): titled by its
 * Name tag (the id below it), or by the id while unnamed or still loading; refresh beside the
 * page's own actions; the load error and any alerts on top, then the details container and the
 * tabs, each only once loaded (pass undefined until then). `dialogs` sit outside the layout.
 * Inside a list's split panel (EmbeddedDetails) the same page shows only its details and tabs.
 */
export function DetailsLayout({ id, name, resource, loadError, info, actions, alerts, details, tabs, dialogs }: {
  id: string;
  name: string;
  resource: Pick<Resource<unknown>, 'error' | 'loading' | 'reload'>;
  /** The header of the alert a failed load shows. */
  loadError: string;
  info?: ReactNode;
  /** After refresh: the page's buttons or Actions menu. An array, not a fragment, for several. */
  actions: ReactNode;
  alerts?: ReactNode;
  details: { header: string; items: readonly KeyValuePairsProps.Item[] } | undefined;
  tabs: readonly TabsProps.Tab[] | undefined;
  dialogs?: ReactNode;
}): ReactNode {
  const embedded = useContext(EmbeddedDetails);
  const refresh = embedded?.refresh;
  const seen = useRef(refresh);
  const { reload } = resource;
  useEffect(() => {
    if (refresh === seen.current) return;
    seen.current = refresh;
    reload();
  }, [refresh, reload]);

  if (embedded) {
    // In a list's split panel, as AWS shows it there: Details first among the tabs; the list
    // above has the title and the Actions.
    return (
      <SpaceBetween size="l">
        {resource.error && <ErrorAlert error={resource.error} header={loadError} onRetry={resource.reload} />}
        {alerts}
        {details && tabs ? (
          <Tabs tabs={embeddedTabs(details.items, tabs)} />
        ) : (
          !resource.error && <StatusIndicator type="loading">{S.splitPanel.loading}</StatusIndicator>
        )}
        {dialogs}
      </SpaceBetween>
    );
  }
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={name ? id : undefined}
          info={info}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button iconName="refresh" ariaLabel={S.actions.refresh} loading={resource.loading} onClick={resource.reload} />
              {actions}
            </SpaceBetween>
          }
        >
          {name || id}
        </Header>
      }
    >
      <SpaceBetween size="l">
        {resource.error && <ErrorAlert error={resource.error} header={loadError} onRetry={resource.reload} />}
        {alerts}
        {details && (
          <Container header={<Header variant="h2">{details.header}</Header>}>
            <KeyValuePairs columns={4} items={details.items} />
          </Container>
        )}
        {tabs && <Tabs variant="container" tabs={tabs} />}
      </SpaceBetween>
      {dialogs}
    </ContentLayout>
  );
}
