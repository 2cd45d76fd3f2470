// Enforces the layer direction of docs/architecture.md:
//   server -> api -> core <- store ; server -> protocol ; server -> auth ; cli -> server
//   server -> dataplane -> core (the data plane reads the store through core's ports)
// core imports nothing of ours but itself and does no I/O; protocol imports nothing of ours.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'core is the domain: no other layer of ours, and no I/O modules',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { pathNot: '^src/core/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'core-no-io',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { dependencyTypes: ['core', 'npm'], pathNot: '^(crypto|node:crypto)$' },
    },
    {
      name: 'protocol-stands-alone',
      severity: 'error',
      from: { path: '^src/protocol/' },
      to: { path: '^src/', pathNot: '^src/protocol/' },
    },
    {
      name: 'auth-stands-alone',
      severity: 'error',
      from: { path: '^src/auth/' },
      to: { path: '^src/(core|store|api|server|cli|console)/' },
    },
    {
      name: 'store-only-core',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: '^src/(protocol|auth|api|server|cli)/' },
    },
    {
      name: 'dataplane-only-core',
      comment: 'the data plane drives the kernel from the store through core: no HTTP, no storage engine',
      severity: 'error',
      from: { path: '^src/dataplane/' },
      to: { path: '^src/(protocol|auth|api|server|cli|store)/' },
    },
    {
      name: 'api-not-outward',
      severity: 'error',
      from: { path: '^src/api/' },
      to: { path: '^src/(store|server|cli|auth)/' },
    },
    {
      name: 'server-not-cli',
      severity: 'error',
      from: { path: '^src/server/' },
      to: { path: '^src/cli/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      // The installed package has only "dependencies" (test/packaging installs the tarball): a
      // run-time import of a devDependency would work here and break for users. Types are erased.
      name: 'no-dev-dependencies-at-run-time',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
