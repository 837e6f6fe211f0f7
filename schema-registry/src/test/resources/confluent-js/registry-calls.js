// Calls a schema registry through Confluent's JavaScript client (@confluentinc/schemaregistry) and kafkajs'
// (@kafkajs/confluent-schema-registry), the way applications use them, and prints one JSON line of what each call
// answered: values, or {status, errorCode, message, name} for a call that failed. ConfluentJsClientIT asserts on it.
//
// Usage: node registry-calls.js <input.json>, where the input names the registry URL, a subject prefix no other run
// uses, the three versions of an order schema, and the Confluent-framed bytes (hex) Meshbone's Java serializer wrote,
// each with its topic, to decode here.
'use strict';

const fs = require('fs');
const {
  SchemaRegistryClient, AvroSerializer, AvroDeserializer, SerdeType, Compatibility,
} = require('@confluentinc/schemaregistry');
const { SchemaRegistry, SchemaType } = require('@kafkajs/confluent-schema-registry');

const input = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const url = input.url;
const prefix = input.prefix;

// The order schemas come from the test: V2 adds a field with a default (BACKWARD), V3 one without (refused).
const { v1: V1, v2: V2, v3: V3 } = input.schemas;
const avro = (schema) => ({ schemaType: 'AVRO', schema });

const results = {};

function failure(e) {
  return {
    failed: true, name: e && e.constructor && e.constructor.name, status: e && e.status,
    errorCode: e && e.errorCode, message: e && String(e.message),
  };
}

async function attempt(name, call) {
  try {
    const value = await call();
    results[name] = value === undefined ? null : value;
  } catch (e) {
    results[name] = failure(e);
  }
  return results[name];
}

const hex = (buffer) => Buffer.from(buffer).toString('hex');
const header = (buffer) => ({ magic: buffer[0], id: buffer.readInt32BE(1) });

// Confluent's client caches answers; a fresh client per step makes each step go over HTTP.
const confluent = () => new SchemaRegistryClient({ baseURLs: [url], maxRetries: 0 });

async function confluentClientCalls() {
  const s = `${prefix}-cf-value`;
  const client = confluent();
  const v1 = await attempt('cfRegisterV1', () => client.registerFullResponse(s, avro(V1)));
  await attempt('cfRegisterV1Again', () => confluent().register(s, avro(V1)));
  await attempt('cfGetId', () => confluent().getIdFullResponse(s, avro(V1)));
  await attempt('cfRegisterV2', () => confluent().registerFullResponse(s, avro(V2)));
  await attempt('cfRegisterV3Incompatible', () => confluent().register(s, avro(V3)));
  await attempt('cfGetVersionV1', () => confluent().getVersion(s, avro(V1)));
  await attempt('cfGetVersionV2', () => confluent().getVersion(s, avro(V2)));
  await attempt('cfGetBySubjectAndId', () => confluent().getBySubjectAndId(s, v1.id));
  await attempt('cfGetSchemaMetadataV1', () => confluent().getSchemaMetadata(s, 1));
  await attempt('cfGetLatest', () => confluent().getLatestSchemaMetadata(s));
  await attempt('cfGetAllVersions', () => confluent().getAllVersions(s));
  await attempt('cfGetAllSubjects', async () => (await confluent().getAllSubjects()).filter((x) => x.startsWith(prefix)));
  await attempt('cfTestSubjectCompatibilityV3', () => confluent().testSubjectCompatibility(s, avro(V3)));
  await attempt('cfTestSubjectCompatibilityV2', () => confluent().testSubjectCompatibility(s, avro(V2)));
  await attempt('cfTestCompatibilityV1AgainstVersion1', () => confluent().testCompatibility(s, 1, avro(V1)));
  await attempt('cfGetCompatibilityUnset', () => confluent().getCompatibility(s));
  await attempt('cfGetDefaultCompatibility', () => confluent().getDefaultCompatibility());
  await attempt('cfGetDefaultConfig', () => confluent().getDefaultConfig());
  await attempt('cfUpdateCompatibility', () => confluent().updateCompatibility(s, Compatibility.FULL));
  await attempt('cfGetCompatibility', () => confluent().getCompatibility(s));
  await attempt('cfUpdateConfig', () => confluent().updateConfig(s, { compatibility: Compatibility.BACKWARD_TRANSITIVE }));
  await attempt('cfGetConfig', () => confluent().getConfig(s));

  // normalize in a subject's config: two spellings of one schema (keys in another order) get one id and version.
  const n = `${prefix}-cf-normalized-value`;
  await attempt('cfUpdateConfigNormalize', () => confluent().updateConfig(n, { normalize: true }));
  await attempt('cfRegisterNormalized', () => confluent().registerFullResponse(n, avro(input.schemas.normalizedA)));
  await attempt('cfRegisterNormalizedReordered', () => confluent().registerFullResponse(n, avro(input.schemas.normalizedB)));

  await attempt('cfTestSubjectCompatibilityNoVersions', () => confluent().testSubjectCompatibility(`${prefix}-cf-empty-value`, avro(V1)));
  await attempt('cfTestCompatibilityNoSuchVersion', () => confluent().testCompatibility(`${prefix}-cf-empty-value`, 3, avro(V1)));

  // Metadata is part of a schema's identity; a lookup by metadata must match every pair it names.
  const m = `${prefix}-cf-metadata-value`;
  const tiered = (schema, tier) => Object.assign(avro(schema), { metadata: { properties: { owner: 'team-orders', tier } } });
  await attempt('cfRegisterWithMetadataGold', () => confluent().registerFullResponse(m, tiered(V1, 'gold')));
  await attempt('cfRegisterWithMetadataSilver', () => confluent().registerFullResponse(m, tiered(V2, 'silver')));
  await attempt('cfGetLatestWithMetadataOwner', () => confluent().getLatestWithMetadata(m, { owner: 'team-orders' }));
  await attempt('cfGetLatestWithMetadataOwnerAndGold', () => confluent().getLatestWithMetadata(m, { owner: 'team-orders', tier: 'gold' }));
  await attempt('cfGetLatestWithMetadataOwnerAndBronze', () => confluent().getLatestWithMetadata(m, { owner: 'team-orders', tier: 'bronze' }));

  const d = `${prefix}-cf-deleted-value`;
  await attempt('cfRegisterToDelete', () => confluent().register(d, avro(V1)));
  await attempt('cfRegisterToDeleteV2', () => confluent().register(d, avro(V2)));
  await attempt('cfDeleteVersion2', () => confluent().deleteSubjectVersion(d, 2));
  await attempt('cfVersionsAfterDeletingVersion2', () => confluent().getAllVersions(d));
  await attempt('cfGetDeletedVersion2', () => confluent().getSchemaMetadata(d, 2, true));
  await attempt('cfDeleteSubject', () => confluent().deleteSubject(d));
  await attempt('cfSubjectsAfterSoftDelete', async () => (await confluent().getAllSubjects()).includes(d));
  await attempt('cfLatestAfterSoftDelete', () => confluent().getLatestSchemaMetadata(d));
  await attempt('cfDeleteSubjectPermanently', () => confluent().deleteSubject(d, true));
}

async function confluentSerdeCalls() {
  const client = confluent();
  const topic = `${prefix}-cf`;
  // The subject has V1 and V2 by now: write with the latest (V2), as producers that never register do.
  const serializer = new AvroSerializer(client, SerdeType.VALUE, { useLatestVersion: true });
  const bytes = await attempt('cfSerializedLatest', async () => {
    const buffer = await serializer.serialize(topic, { id: 'cf-1', amount: 1234, currency: 'USD' });
    return Object.assign(header(buffer), { hex: hex(buffer) });
  });
  await attempt('cfDeserializedLatest', () => new AvroDeserializer(confluent(), SerdeType.VALUE, {})
    .deserialize(topic, Buffer.from(bytes.hex, 'hex')));

  // A fixed schema id, as a producer pinned to one version does: looked up by id, then its version under the subject.
  await attempt('cfSerializedWithSchemaId', async () => {
    const pinned = new AvroSerializer(confluent(), SerdeType.VALUE, { useSchemaId: results.cfRegisterV1.id });
    return header(await pinned.serialize(topic, { id: 'cf-2', amount: 5 }));
  });
  // The latest version whose metadata names tier=gold: version 1 of the metadata subject, not the latest.
  await attempt('cfSerializedWithMetadata', async () => {
    const gold = new AvroSerializer(confluent(), SerdeType.VALUE, { useLatestWithMetadata: { tier: 'gold' } });
    return header(await gold.serialize(`${prefix}-cf-metadata`, { id: 'cf-3', amount: 6 }));
  });

  // Auto-registration: the serializer derives a schema from the value and registers it under <topic>-value.
  const autoTopic = `${prefix}-cf-auto`;
  const auto = new AvroSerializer(confluent(), SerdeType.VALUE, { autoRegisterSchemas: true });
  const autoBytes = await attempt('cfSerializedAutoRegistered', async () => {
    const buffer = await auto.serialize(autoTopic, { sku: 'sku-9', quantity: 3 });
    return Object.assign(header(buffer), { hex: hex(buffer) });
  });
  await attempt('cfAutoRegisteredLatest', () => confluent().getLatestSchemaMetadata(`${autoTopic}-value`));
  await attempt('cfDeserializedAutoRegistered', () => new AvroDeserializer(confluent(), SerdeType.VALUE, {})
    .deserialize(autoTopic, Buffer.from(autoBytes.hex, 'hex')));

  const keys = new AvroSerializer(confluent(), SerdeType.KEY, { autoRegisterSchemas: true });
  await attempt('cfSerializedKey', async () => header(await keys.serialize(autoTopic, { sku: 'sku-9' })));
  await attempt('cfKeySubjectVersions', () => confluent().getAllVersions(`${autoTopic}-key`));

  for (const [name, java] of Object.entries(input.javaBytes)) {
    await attempt(`cfDecodedJava_${name}`, () => new AvroDeserializer(confluent(), SerdeType.VALUE, {})
      .deserialize(java.topic, Buffer.from(java.hex, 'hex')));
  }
}

async function kafkajsCalls() {
  const registry = () => new SchemaRegistry({ host: url, retry: { retries: 0 } });
  const subject = `${prefix}-kj-value`;
  const kj = registry();
  const v1 = await attempt('kjRegisterV1', () => kj.register({ type: SchemaType.AVRO, schema: V1 }, { subject }));
  await attempt('kjConfigAfterFirstRegister', () => confluent().getConfig(subject));
  await attempt('kjRegisterV1Again', () => registry().register({ type: SchemaType.AVRO, schema: V1 }, { subject }));
  const v2 = await attempt('kjRegisterV2', () => registry().register({ type: SchemaType.AVRO, schema: V2 }, { subject }));
  await attempt('kjRegisterV3Incompatible', () => registry().register({ type: SchemaType.AVRO, schema: V3 }, { subject }));
  await attempt('kjGetLatestSchemaId', () => registry().getLatestSchemaId(subject));
  await attempt('kjGetRegistryIdVersion1', () => registry().getRegistryId(subject, 1));
  await attempt('kjGetRegistryIdLatest', () => registry().getRegistryId(subject, 'latest'));
  await attempt('kjGetRegistryIdBySchema', () => registry().getRegistryIdBySchema(subject, { type: SchemaType.AVRO, schema: V1 }));
  await attempt('kjGetRegistryIdBySchemaUnknown', () => registry().getRegistryIdBySchema(subject, { type: SchemaType.AVRO, schema: V3 }));
  await attempt('kjGetSchema', async () => (await registry().getSchema(v1.id)).name);
  const encoded = await attempt('kjEncoded', async () => {
    const buffer = await registry().encode(v2.id, { id: 'kj-1', amount: 77, currency: 'CHF' });
    return Object.assign(header(buffer), { hex: hex(buffer) });
  });
  await attempt('kjDecoded', () => registry().decode(Buffer.from(encoded.hex, 'hex')));
  await attempt('kjDecodedConfluentSerialized', () => registry().decode(Buffer.from(results.cfSerializedLatest.hex, 'hex')));
  for (const [name, java] of Object.entries(input.javaBytes)) {
    await attempt(`kjDecodedJava_${name}`, () => registry().decode(Buffer.from(java.hex, 'hex')));
  }
}

// A registry with basic auth: both clients sign in the way their docs say; a client without credentials gets 401.
async function basicAuthCalls() {
  const { url: authUrl, user, password } = input.basicAuth;
  const s = `${prefix}-auth-value`;
  const signedIn = () => new SchemaRegistryClient({
    baseURLs: [authUrl], maxRetries: 0,
    basicAuthCredentials: { credentialsSource: 'USER_INFO', userInfo: `${user}:${password}` },
  });
  await attempt('authCfRegister', () => signedIn().register(s, avro(V1)));
  await attempt('authCfLatest', () => signedIn().getLatestSchemaMetadata(s));
  await attempt('authCfAnonymous', () => new SchemaRegistryClient({ baseURLs: [authUrl], maxRetries: 0 }).getAllSubjects());
  await attempt('authKjRegister', () => new SchemaRegistry({ host: authUrl, auth: { username: user, password }, retry: { retries: 0 } })
    .register({ type: SchemaType.AVRO, schema: V2 }, { subject: s }));
  await attempt('authKjWrongPassword', () => new SchemaRegistry({ host: authUrl, auth: { username: user, password: 'wrong' }, retry: { retries: 0 } })
    .getLatestSchemaId(s));
}

(async () => {
  await confluentClientCalls();
  await confluentSerdeCalls();
  await kafkajsCalls();
  await basicAuthCalls();
  process.stdout.write(JSON.stringify(results, (k, v) => (typeof v === 'bigint' ? String(v) : v)) + '\n');
})().catch((e) => {
  process.stderr.write(`registry-calls.js failed outside a call: ${e && e.stack}\n`);
  process.exit(1);
});
