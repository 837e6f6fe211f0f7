package io.meshbone.domains;

import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.testing.SharedKafka;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** Base of the domain apps' TopologyTestDriver tests: a real registry on the shared broker per class, a driver per test. */
@ExtendWith(SharedKafka.class)
public abstract class ExampleMeshTest {

    protected static ExampleMesh mesh;
    protected TopologyTestDriver driver;

    @BeforeAll
    static void startRegistry(KafkaCluster kafka) throws Exception {
        mesh = ExampleMesh.start(kafka);
    }

    @AfterAll
    static void stopRegistry() {
        mesh.close();
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }
}
