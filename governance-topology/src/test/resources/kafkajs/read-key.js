// Reads a topic from the beginning, read_committed, with kafkajs and no codec plugin, until a record has the key given;
// prints that record's headers as JSON and exits 0, or exits 3 when none came within the time given.
const { Kafka, logLevel } = require('kafkajs');

const [brokers, topic, wantedKey, seconds] = process.argv.slice(2);
const kafka = new Kafka({ clientId: 'meshbone-kafkajs-check', brokers: brokers.split(','), logLevel: logLevel.ERROR });
const consumer = kafka.consumer({ groupId: 'kafkajs-check-' + Date.now(), readUncommitted: false });

const timeout = setTimeout(async () => {
  console.error(`no record with key ${wantedKey} on ${topic} within ${seconds} s`);
  await consumer.disconnect().catch(() => {});
  process.exit(3);
}, Number(seconds) * 1000);

// A batch it cannot read (a codec it lacks) crashes the consumer: say so at once rather than at the timeout.
consumer.on(consumer.events.CRASH, ({ payload }) => {
  console.error(`kafkajs consumer crashed: ${payload.error && payload.error.message}`);
  process.exit(2);
});

(async () => {
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      if (message.key && message.key.toString() === wantedKey) {
        const headers = {};
        for (const [name, value] of Object.entries(message.headers)) {
          headers[name] = value.toString();
        }
        console.log(JSON.stringify({ key: wantedKey, valueBytes: message.value.length, headers }));
        // Not consumer.disconnect(): it waits for this very handler to return. The group is this run's alone.
        process.exit(0);
      }
    },
  });
})().catch((e) => {
  console.error(`kafkajs failed: ${e.stack || e}`);
  process.exit(2);
});
