import { navigate } from './navigate';

interface FollowEvent {
  preventDefault(): void;
  detail: { href?: string; external?: boolean };
}

/**
 * onFollow handler for Cloudscape links, breadcrumbs and navigation: stays in the page (no reload)
 * for our own paths; Cloudscape only calls it for plain clicks, so ctrl-click still opens a tab.
 */
export function followLink(event: FollowEvent): void {
  const href = event.detail.href;
  if (href === undefined || event.detail.external) return;
  event.preventDefault();
  navigate(href);
}
