// Manage tags from the Actions menu of lists and details pages: the tag editor checks AWS's tag
// rules before sending, saves through DeleteTags and CreateTags, and shows the API's refusal.
import type { EC2Client } from '@aws-sdk/client-ec2';
import { CreateInternetGatewayCommand, CreateTagsCommand, CreateVpcCommand, DescribeTagsCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { actionsButton, chooseMenuItem, menuItemState, selectRow } from './pages/cloudscape.js';
import { ManageTagsDialog } from './pages/manage-tags-dialog.js';
import { SideNav } from './pages/side-nav.js';
import { SplitPanel } from './pages/split-panel.js';
import { ec2 } from './support/api.js';
import { chromiumAvailable, consoleHarness } from './support/console-harness.js';

const ACCOUNT = '323232323232';

async function tagsOf(client: EC2Client, id: string): Promise<Record<string, string>> {
  const r = await client.send(new DescribeTagsCommand({ Filters: [{ Name: 'resource-id', Values: [id] }] }));
  return Object.fromEntries((r.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
}

describe.skipIf(!chromiumAvailable)('console: Manage tags', () => {
  const harness = consoleHarness();

  it('edits a VPC\u2019s tags from the list\u2019s Actions, checking AWS\u2019s tag rules', { timeout: 150_000 }, async () => {
    const { server } = harness();
    const client = ec2(server.url, ACCOUNT);
    const vpc = (await client.send(new CreateVpcCommand({ CidrBlock: '10.50.0.0/16', TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'mt-vpc' }, { Key: 'env', Value: 'dev' }] }] }))).Vpc?.VpcId ?? '';
    const app = await harness().signedIn(ACCOUNT);
    const page = app.session.page;
    const tags = new ManageTagsDialog(page);
    const panel = new SplitPanel(page);

    await app.vpcs.open();
    expect(await menuItemState(page, actionsButton(page), 'Manage tags')).toEqual({ disabled: true, reason: 'Select a VPC first.' });
    await selectRow(page, vpc);
    await chooseMenuItem(page, actionsButton(page), 'Manage tags');
    expect(await tags.tags()).toEqual({ Name: 'mt-vpc', env: 'dev' });

    // AWS's rules, checked before anything is sent: Save waits until they hold.
    await tags.add('aws:owner', 'me');
    await tags.waitForProblem('Tag 3: keys cannot start with "aws:", which AWS reserves.');
    expect(await tags.saveEnabled()).toBe(false);
    await tags.setKey('aws:owner', 'env');
    await tags.waitForProblem('Tag 3: the key "env" is already used by another tag.');
    await tags.setKey('env', 'k'.repeat(129));
    await tags.waitForProblem('Tag 3: the key can be at most 128 characters.');
    await tags.setKey('k'.repeat(129), 'team');
    await tags.setValue('team', 'v'.repeat(257));
    await tags.waitForProblem('Tag 3: the value can be at most 256 characters.');
    await tags.setValue('team', 'net');
    expect(await tags.problems()).toEqual([]);
    await app.screenshot('manage-tags-dialog');

    // Rename, remove and add in one save.
    await tags.setValue('Name', 'mt-renamed');
    await tags.remove('env');
    expect(await tags.saveEnabled()).toBe(true);
    await tags.save();
    expect(await tagsOf(client, vpc)).toEqual({ Name: 'mt-renamed', team: 'net' });
    // The list and its split panel read again: the new Name shows in both.
    await panel.waitForHeader(`${vpc} / mt-renamed`);
    await page.getByRole('table').first().getByRole('cell', { name: 'mt-renamed', exact: true }).waitFor();
    await panel.waitForCell('Tags', 'team');
    expect(Object.fromEntries((await panel.tabRows('Tags')).map((r) => [r['Key'], r['Value']]))).toEqual({ Name: 'mt-renamed', team: 'net' });
  });

  it('saves from a details page\u2019s Actions and shows the API\u2019s refusal with its reason', { timeout: 150_000 }, async () => {
    const { server } = harness();
    const client = ec2(server.url, ACCOUNT);
    const igw = (await client.send(new CreateInternetGatewayCommand({}))).InternetGateway?.InternetGatewayId ?? '';
    // 48 tags: the dialog can add two before AWS's limit of 50.
    await client.send(new CreateTagsCommand({ Resources: [igw], Tags: Array.from({ length: 48 }, (_, i) => ({ Key: `k${i}`, Value: `${i}` })) }));
    const app = await harness().signedIn(ACCOUNT);
    const page = app.session.page;
    const tags = new ManageTagsDialog(page);

    await new SideNav(page).open('Internet gateways');
    await app.internetGateways.waitLoaded();
    await app.internetGateways.openDetails(igw);
    await app.internetGateways.action('Manage tags');
    await tags.waitLoaded();
    expect(await tags.count()).toBe(48);
    await tags.add('owner', 'net-team');
    await tags.add('extra', 'x');
    // 50 in the editor: it offers no more.
    expect(await tags.canAdd()).toBe(false);
    expect(await tags.problems()).toEqual([]);

    // Meanwhile someone else tags it: 49 on the server, so two more are one too many there.
    await client.send(new CreateTagsCommand({ Resources: [igw], Tags: [{ Key: 'elsewhere', Value: '1' }] }));
    const refused = await app.session.expectingRefusals(() => tags.saveRefused());
    expect(refused.error).toMatch(/^TagLimitExceeded: /);
    expect(refused.help).toBe('A resource can have at most 50 tags. Remove some before adding more.');
    await app.screenshot('manage-tags-refused');
    expect(Object.keys(await tagsOf(client, igw))).toHaveLength(49);

    // One fewer, and it saves; the page shows the new tag.
    await tags.remove('extra');
    await tags.save();
    expect((await tagsOf(client, igw))['owner']).toBe('net-team');
    expect(Object.fromEntries((await app.internetGateways.tabRows('Tags')).map((r) => [r['Key'], r['Value']]))['owner']).toBe('net-team');
  });
});
