// The plain sentences and fix links API errors get in the console (no browser: a pure mapping).
import { describe, expect, it } from 'vitest';
import { errorHelp } from '../../console/src/shared/error-help.js';

const href = (code: string, message: string, context: readonly string[] = []): string | undefined => {
  const link = errorHelp(code, message, context)?.link;
  return link && 'href' in link ? link.href : undefined;
};

describe('errorHelp', () => {
  it('sends DnsHostnamesDisabled to the named VPC\u2019s settings', () => {
    const help = errorHelp('InvalidVpcPeeringConnectionState.DnsHostnamesDisabled', 'DNS hostname support must be enabled for the VPCs (vpc-0a1b2c has it disabled).');
    expect(help?.sentence).toContain('vpc-0a1b2c');
    expect(help?.link).toEqual({ text: 'Edit VPC settings of vpc-0a1b2c', href: '/vpcs/vpc-0a1b2c/edit-settings' });
  });

  it('explains a missing peering and lists the others', () => {
    expect(href('InvalidVpcPeeringConnectionID.NotFound', "The vpcPeeringConnection ID 'pcx-1234' does not exist")).toBe('/peering-connections');
  });

  it('tells OperationNotPermitted on a peering apart by its cause', () => {
    expect(errorHelp('OperationNotPermitted', 'User (111122223333) cannot accept peering pcx-0abc')?.sentence).toMatch(/Only the owner of the accepter VPC/);
    expect(href('OperationNotPermitted', 'User (111122223333) cannot accept peering pcx-0abc')).toBe('/peering-connections/pcx-0abc');
    expect(errorHelp('OperationNotPermitted', 'Incorrect region (us-east-1) specified for this request. VPC peering connection pcx-1 must be accepted in region eu-west-1')?.sentence).toMatch(/eu-west-1/);
    expect(errorHelp('OperationNotPermitted', 'Peering pcx-1 is not active. Peering options can be added only to active peerings.')?.sentence).toMatch(/only while the peering connection is active/);
    expect(errorHelp('OperationNotPermitted', 'The instance \u2019i-1\u2019 may not be terminated.')?.sentence).toBe('This change is not allowed for the resource in its current state.');
  });

  it('links RouteAlreadyExists to the route table\u2019s routes, named by the page when the message does not', () => {
    const help = errorHelp('RouteAlreadyExists', 'The route identified by 10.9.0.0/16 already exists.', ['rtb-00ff']);
    expect(help?.sentence).toContain('10.9.0.0/16');
    expect(help?.link).toEqual({ text: 'Edit routes of rtb-00ff', href: '/route-tables/rtb-00ff/edit-routes' });
    expect(errorHelp('RouteAlreadyExists', 'The route identified by 10.9.0.0/16 already exists.')?.link).toBeUndefined();
  });

  it('sends overlapping CIDRs to the VPC\u2019s CIDRs, or to the peering they collide through', () => {
    expect(href('CidrConflict', "The CIDR '10.0.0.0/24' conflicts with another CIDR block of vpc-0aa.")).toBe('/vpcs/vpc-0aa/edit-cidrs');
    expect(href('InvalidParameterValue', 'The CIDR block 10.1.0.0/16 overlaps the CIDR block of vpc-0bb.')).toBe('/vpcs/vpc-0bb/edit-cidrs');
    expect(href('OperationNotPermitted', 'The CIDR block 10.9.0.0/16 overlaps a CIDR block of vpc-0cc, which vpc-0aa is peered with through pcx-0dd.')).toBe('/peering-connections/pcx-0dd');
  });

  it('points DependencyViolation at what depends on the resource', () => {
    expect(href('DependencyViolation', "The vpc 'vpc-0ee' has dependencies and cannot be deleted.")).toBe('/vpcs/vpc-0ee');
    expect(href('DependencyViolation', "The subnet 'subnet-0ff' has dependencies and cannot be deleted.")).toBe('/network-interfaces');
    expect(href('DependencyViolation', "The routeTable 'rtb-0a' has dependencies and cannot be deleted.")).toBe('/route-tables/rtb-0a/edit-subnet-associations');
    expect(href('DependencyViolation', 'resource sg-0063528210d054afa has a dependent object')).toBe('/security-groups/sg-0063528210d054afa');
    expect(href('DependencyViolation', 'Network vpc-9f has some mapped public address(es). Please unmap those public address(es) before detaching the gateway.')).toBe('/elastic-ips');
  });

  it('asks to wait on throttling, and to sign in on failed credentials', () => {
    expect(errorHelp('RequestLimitExceeded', 'Request limit exceeded.')?.sentence).toMatch(/Wait a few seconds/);
    expect(errorHelp('Throttling', 'Rate exceeded')?.sentence).toMatch(/Wait a few seconds/);
    expect(errorHelp('UnauthorizedOperation', 'You are not authorized to perform this operation.')?.link).toEqual({ text: 'Sign in', signIn: true });
    expect(errorHelp('AuthFailure', 'AWS was not able to validate the provided access credentials')?.sentence).toMatch(/Sign in again/);
    expect(errorHelp('InvalidClientTokenId', 'The security token included in the request is invalid.')?.link).toEqual({ text: 'Sign in', signIn: true });
  });

  it('leaves errors it has nothing to add to as they are', () => {
    expect(errorHelp('InvalidParameterValue', "Invalid value 'x' for InstanceType.")).toBeUndefined();
    expect(errorHelp('MissingParameter', 'The request must contain the parameter routeTableId')).toBeUndefined();
  });
});
