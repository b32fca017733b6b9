/**
 * @jest-environment node
 */
import path from 'node:path';
import { describePluginLocales } from '@opentruss/tooling/i18n/testing';

describePluginLocales(path.resolve(__dirname, '../..'));
