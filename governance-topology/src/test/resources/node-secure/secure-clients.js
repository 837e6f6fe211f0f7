// A Node.js domain team on a secure mesh, as the README's "From Node.js (secure mode)" shows it: kafkajs logs in with
// SCRAM-SHA-512 and @kafkajs/confluent-schema-registry signs in with basic auth, both with the name and password of
// the principal's credentials file. It stages a payment, reads it back gated, and tries what the ACLs refuse.
// Prints one JSON line of what each step answered (values, or {failed, name, type, message}); NodeSecureClientsIT
// asserts on it. Usage: node secure-clients.js <input.json>.
'use strict';

const fs = require('fs');
const { Kafka, logLevel } = require('kafkajs');
const { SchemaRegistry } = require('@kafkajs/confluent-schema-registry');

const input = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const results = {};

// A credentials file is Java properties; basic.auth.user.info holds the principal's name and password.
function credentials(file) {
  const line = fs.readFileSync(file, 'utf8').split('\n').find((l) => l.startsWith('basic.auth.user.info='));
  const userInfo = line.substring('basic.auth.user.info='.length).trim();
  const colon = userInfo.indexOf(':');
  return { username: userInfo.substring(0, colon), password: userInfo.substring(colon + 1) };
}

const kafka = ({ username, password }) => new Kafka({
  clientId: `${username}-node-check`,
  brokers: input.brokers.split(','),
  logLevel: logLevel.NOTHING,
  retry: { retries: 2 },
  sasl: { mechanism: 'scram-sha-512', username, password },
});

const failure = (e) => ({
  failed: true, name: e && e.name, type: e && (e.type || (e.cause && e.cause.type)), status: e && e.status,
  message: e && String(e.message),
});

async function attempt(name, call) {
  try {
    const value = await call();
    results[name] = value === undefined ? null : value;
  } catch (e) {
    results[name] = failure(e);
  }
  return results[name];
}

// Avro decimal bytes are a big-endian two's-complement unscaled value.
function decimal(bytes, scale) {
  const unscaled = BigInt.asIntN(bytes.length * 8, BigInt('0x' + (Buffer.from(bytes).toString('hex') || '00'))).toString();
  const digits = unscaled.replace('-', '').padStart(scale + 1, '0');
  return (unscaled.startsWith('-') ? '-' : '') + digits.slice(0, -scale) + '.' + digits.slice(-scale);
}

// Reads `topic` from the beginning as group `groupId` until a record keyed `key` comes; resolves with that record.
async function readKey(client, groupId, topic, key, seconds) {
  const consumer = client.consumer({ groupId, readUncommitted: false });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no record keyed ${key} on ${topic} within ${seconds} s`)), seconds * 1000);
      const fail = (e) => { clearTimeout(timer); reject(e); };
      consumer.on(consumer.events.CRASH, ({ payload }) => fail(payload.error));
      consumer.run({
        eachMessage: async ({ message }) => {
          if (message.key && message.key.toString() === key) {
            clearTimeout(timer);
            resolve(message);
          }
        },
      }).catch(fail);
    });
  } finally {
    await consumer.disconnect().catch(() => {});
  }
}

async function produce(client, messages) {
  const producer = client.producer();
  await producer.connect();
  try {
    const [sent] = await producer.send({ topic: input.stagingTopic, acks: -1, messages });
    return { topic: sent.topicName, partition: sent.partition, errorCode: sent.errorCode };
  } finally {
    await producer.disconnect();
  }
}

async function main() {
  const owner = credentials(input.credentials.owner);
  const registry = new SchemaRegistry({ host: input.registryUrl, auth: owner });
  const payment = input.payment;

  const id = await attempt('schemaId', () => registry.getLatestSchemaId(input.subject));
  const framed = await attempt('encode', async () => (await registry.encode(id, {
    paymentId: payment.paymentId,
    orderId: payment.orderId,
    amount: Buffer.from(payment.amountHex, 'hex'),
    currency: payment.currency,
    method: payment.method,
    settledAt: payment.settledAt,
  })).toString('hex'));
  const ownerKafka = kafka(owner);
  await attempt('produce', () => produce(ownerKafka, [{ key: payment.orderId, value: Buffer.from(framed, 'hex') }]));

  await attempt('consume', async () => {
    const message = await readKey(ownerKafka, input.groups.owner, input.productTopic, payment.orderId, input.seconds);
    const headers = {};
    for (const [name, value] of Object.entries(message.headers || {})) {
      headers[name] = value.toString();
    }
    const value = await registry.decode(message.value);
    return {
      key: message.key.toString(), schemaId: message.value.readInt32BE(1), headers,
      value: { ...value, amount: decimal(value.amount, 2) },
    };
  });

  // A domain the contract's consumers: names reads the product; one it does not name is refused.
  const consumerDomain = credentials(input.credentials.consumerDomain);
  await attempt('consumerDomainConsume', async () => (await readKey(kafka(consumerDomain), input.groups.consumerDomain,
    input.productTopic, payment.orderId, input.seconds)).key.toString());
  await attempt('outsiderConsume', async () => (await readKey(kafka(credentials(input.credentials.outsider)),
    input.groups.outsider, input.productTopic, payment.orderId, 20)).key.toString());
  // Only the owner's team and apps stage its product.
  await attempt('consumerDomainProduce', () => produce(kafka(consumerDomain),
    [{ key: payment.orderId, value: Buffer.from(framed, 'hex') }]));
  // The owner's groups start with its domain and '-'; kafkajs reports a refused group as a coordinator not found.
  await attempt('ownerOtherGroupConsume', async () => (await readKey(ownerKafka, input.groups.unprefixed,
    input.productTopic, payment.orderId, 20)).key.toString());

  const wrong = { username: owner.username, password: 'not-the-password' };
  await attempt('wrongPasswordKafka', async () => {
    const admin = kafka(wrong).admin();
    await admin.connect();
    try {
      return await admin.listTopics();
    } finally {
      await admin.disconnect();
    }
  });
  await attempt('wrongPasswordRegistry', () => new SchemaRegistry({ host: input.registryUrl, auth: wrong })
    .getLatestSchemaId(input.subject));
}

main().catch((e) => { results.unexpected = failure(e); }).finally(() => {
  console.log(JSON.stringify(results));
  process.exit(0);
});
