// bolt-protocol's layers (.dependency-cruiser.cjs) hold on src/, and each rule refuses a planted violation.
import path from 'node:path';
import { describeLayers } from '@opentruss/tooling/testing';

describeLayers({
  packageDir: path.resolve(__dirname, '..'),
  minModules: 25,
  planted: {
    'src/wire.ts': "import { channel } from './channel/channel';\nexport const wire = channel;",
    'src/channel/channel.ts': "import { writer } from '../packstream/writer';\nexport const channel = writer;",
    'src/packstream/writer.ts': "import { handshake } from '../bolt/handshake';\nexport const writer = handshake;",
    'src/bolt/handshake.ts': "import { core } from '../connection/core';\nexport const handshake = core;",
    'src/connection/core.ts': "import { client } from '../client/bolt-client';\nexport const core = () => client;",
    'src/client/bolt-client.ts': "import { api } from '../index';\nimport { Integer } from 'neo4j-driver-core';\nexport const client = () => api ?? Integer;",
    'src/index.ts': "import { helper } from '../../bolt-testing/src/index';\nexport const api = helper;",
    '../bolt-testing/src/index.ts': 'export const helper = 1;',
    'node_modules/neo4j-driver-core/index.js': 'exports.Integer = 1;',
    'src/packstream/a.ts': "import { b } from './b';\nexport const a = 1 + b;",
    'src/packstream/b.ts': "import { a } from './a';\nexport const b = () => a;",
  },
});
