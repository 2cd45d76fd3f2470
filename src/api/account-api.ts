import * as account from '../core/account-service.js';
import type { OperationTable } from './operation.js';
import { reads } from './operation.js';
import { wire } from './wire.js';

export const ACCOUNT_OPERATIONS: OperationTable = {
  DescribeRegions: reads(async (_ctx, input) => ({
    Regions: account.describeRegions(input.RegionNames, wire.filters(input.Filters)).map((r) => ({
      RegionName: r.name,
      Endpoint: r.endpoint,
      OptInStatus: 'opt-in-not-required',
    })),
  })),
  DescribeAvailabilityZones: reads(async (ctx, input) => ({
    AvailabilityZones: account
      .describeAvailabilityZones(ctx, { names: input.ZoneNames, ids: input.ZoneIds, filters: wire.filters(input.Filters) })
      .map((z) => ({
        ZoneName: z.name,
        ZoneId: z.id,
        RegionName: z.region,
        State: 'available',
        OptInStatus: 'opt-in-not-required',
        GroupName: z.region,
        NetworkBorderGroup: z.region,
        ZoneType: 'availability-zone',
        Messages: [],
      })),
  })),
  DescribeAccountAttributes: reads(async (ctx, input) => ({
    AccountAttributes: (await account.describeAccountAttributes(ctx, input.AttributeNames)).map((a) => ({
      AttributeName: a.name,
      AttributeValues: a.values.map((v) => ({ AttributeValue: v })),
    })),
  })),
};
